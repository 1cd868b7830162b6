import { test as base, type Browser, type Page } from "@playwright/test";
import { newPerson, type Person, SignUpPage } from "./pages/auth-pages";
import { TeamsPage } from "./pages/team-pages";

export { expect } from "@playwright/test";

/** A person with their own browser context, signed up and on their teams page. */
export type Actor = { person: Person; page: Page; teams: TeamsPage };

async function signedUpActor(browser: Browser, label: string): Promise<Actor> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const person = newPerson(label);
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.signUp(person);
  await page.waitForURL("**/teams");
  return { person, page, teams: new TeamsPage(page) };
}

export const test = base.extend<{ actor: (label: string) => Promise<Actor> }>({
  actor: async ({ browser }, use) => {
    const opened: Actor[] = [];
    await use(async (label) => {
      const actor = await signedUpActor(browser, label);
      opened.push(actor);
      return actor;
    });
    await Promise.all(opened.map((a) => a.page.context().close()));
  },
});

/** Full-page screenshots for a person to look at; kept out of git. */
export async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `tests/e2e/.screenshots/${name}.png`, fullPage: true });
}
