import type { Page } from "@playwright/test";

/** The demo's Chen Wei, a plain member of its team: the benches see the pages as this person. */
export const DEMO_MEMBER_EMAIL = "chen@example.com";

/** Signs in through the form as the demo member, like a person would. */
export async function signInAsDemoMember(page: Page, base: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(DEMO_MEMBER_EMAIL);
  await page.getByLabel("Password").fill("verdict-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/teams/);
}

/** The links the demo data makes, read off its pages as a signed-in member: the team, its decided decision and the one in scoring. */
export async function demoPages(page: Page, base: string) {
  await page.goto(`${base}/teams`);
  const team = await page
    .getByRole("link", { name: /Acme Platform/ })
    .first()
    .getAttribute("href");
  await page.goto(`${base}${team}/decisions`);
  const decided = await page
    .getByRole("link", { name: /payments API/ })
    .first()
    .getAttribute("href");
  const scoring = await page
    .getByRole("link", { name: /notifications/ })
    .first()
    .getAttribute("href");
  return { team: `${team}`, decision: `${decided}`, scores: `${scoring}/scores`, results: `${decided}/results` };
}
