import { test as base, type BrowserContext, type BrowserContextOptions, expect, type Page } from "@playwright/test";
import { newPerson, type Person, SignUpPage } from "./pages/auth-pages";
import { TeamsPage } from "./pages/team-pages";
import { watchCspViolations } from "./support/csp-watch";

export { expect } from "@playwright/test";

/** A person with their own browser context, signed up and on their teams page. */
export type Actor = { person: Person; page: Page; teams: TeamsPage };

export type NewContext = (options?: BrowserContextOptions) => Promise<BrowserContext>;

async function signedUpActor(newContext: NewContext, label: string, options?: BrowserContextOptions): Promise<Actor> {
  const context = await newContext(options);
  const page = await context.newPage();
  const person = newPerson(label);
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.signUp(person);
  await page.waitForURL("**/teams");
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
  actor: async ({ newContext }, use) => {
    await use((label, options) => signedUpActor(newContext, label, options));
  },
});

/** Full-page screenshots for a person to look at; kept out of git. */
export async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `tests/e2e/.screenshots/${name}.png`, fullPage: true });
}
