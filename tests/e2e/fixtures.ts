import { test as base, type BrowserContext, type BrowserContextOptions, expect, type Page } from "@playwright/test";
import { newPerson, type Person } from "./pages/auth-pages";
import { TeamsPage } from "./pages/team-pages";
import { watchCspViolations } from "./support/csp-watch";
import { signUpOverHttp } from "./support/sign-up-over-http";

export { expect } from "@playwright/test";

/**
 * A person with their own browser context, signed up and on their teams page. Signed up over HTTP,
 * not through the form: most tests are about what comes after, and on a two-core machine the form
 * cost seconds per person (auth.spec.ts and the invite specs still sign up through it).
 */
export type Actor = { person: Person; page: Page; teams: TeamsPage };

export type NewContext = (options?: BrowserContextOptions) => Promise<BrowserContext>;

async function signedUpActor(newContext: NewContext, baseURL: string, label: string, options?: BrowserContextOptions): Promise<Actor> {
  const context = await newContext(options);
  const page = await context.newPage();
  const person = newPerson(label);
  await signUpOverHttp(context, person, options?.baseURL ?? baseURL);
  await page.goto("/teams");
  await expect(page.getByRole("heading", { level: 1, name: "Your teams" })).toBeVisible();
  return { person, page, teams: new TeamsPage(page) };
}

/** `actor` takes context options for a person whose browser differs, such as its time zone. */
type Fixtures = { cspViolations: string[]; newContext: NewContext; actor: (label: string, options?: BrowserContextOptions) => Promise<Actor> };

/**
 * Every page a test opens, through `page`, `context`, `newContext` or `actor`, is watched for
 * Content-Security-Policy violations; one is enough to fail the test.
 */
export const test = base.extend<Fixtures>({
  cspViolations: async ({}, use) => {
    const violations: string[] = [];
    await use(violations);
    expect(violations, "Content-Security-Policy violations in the browser").toEqual([]);
  },
  context: async ({ context, cspViolations }, use) => {
    await watchCspViolations(context, cspViolations);
    await use(context);
  },
  newContext: async ({ browser, cspViolations }, use) => {
    const opened: BrowserContext[] = [];
    await use(async (options) => {
      const context = await browser.newContext(options);
      await watchCspViolations(context, cspViolations);
      opened.push(context);
      return context;
    });
    await Promise.all(opened.map((c) => c.close()));
  },
  actor: async ({ newContext, baseURL }, use) => {
    await use((label, options) => signedUpActor(newContext, baseURL!, label, options));
  },
});

/**
 * Full-page screenshots for a person to look at; kept out of git. They assert nothing, and on CI,
 * where nobody looks at them, they cost a minute and a half of the run: E2E_SCREENSHOTS=0 skips them.
 */
export async function snapshot(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS === "0") return;
  await page.screenshot({ path: `tests/e2e/.screenshots/${name}.png`, fullPage: true });
}
