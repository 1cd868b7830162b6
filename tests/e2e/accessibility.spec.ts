import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { closeDb, joinTeamAs } from "./support/db";

test.afterAll(closeDb);

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

test("sign-in, team, account and invite pages have no serious accessibility issues", async ({ actor, page }) => {
  // Five full axe runs, as below: on a busy two-core machine they alone can take most of a minute.
  test.slow();
  await page.goto("/sign-in");
  expect(await seriousViolations(page)).toEqual([]);

  const owner = await actor("Axe");
  const team = await owner.teams.createTeam("Accessible team");
  const inviteUrl = await team.createInvite();
  expect(await seriousViolations(owner.page)).toEqual([]);

  await owner.page.goto("/account");
  await expect(owner.page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  expect(await seriousViolations(owner.page)).toEqual([]);

  await page.goto(inviteUrl);
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/invite/broken-link");
  expect(await seriousViolations(page)).toEqual([]);
});

test("the demo team's decision pages have no serious accessibility issues", async ({ page }) => {
  // Five full axe runs: on a busy two-core machine they alone can take most of a minute.
  test.slow();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("chen@example.com");
  await page.getByLabel("Password").fill("verdict-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Acme Platform" }).click();
  await page.getByRole("link", { name: "All decisions" }).click();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "Backend framework for the payments API" }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "See the results", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Results" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goBack();
  await page.getByRole("link", { name: "All decisions" }).first().click();
  await page.getByRole("link", { name: "Framework for the real-time notifications service" }).click();
  await page.getByRole("link", { name: "Score the options" }).click();
  await expect(page.getByRole("button", { name: "Save scores" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto(page.url().replace(/\/scores$/, "/weights"));
  expect(await seriousViolations(page)).toEqual([]);
});

test("a viewer's pages in place of the sheets have no serious accessibility issues", async ({ actor }) => {
  test.slow();
  const vera = await actor("Vera");
  await joinTeamAs(vera.person.email, "Acme Platform", "viewer");
  const { page } = vera;
  await page.goto("/teams");
  await page.getByRole("link", { name: "Acme Platform" }).first().click();
  await page.getByRole("link", { name: "Framework for the real-time notifications service" }).first().click();
  await expect(page.getByRole("region", { name: "Your part" })).toContainText("You follow this decision as a viewer");
  expect(await seriousViolations(page)).toEqual([]);
  const decision = page.url().replace(/\?.*$/, "");
  await page.goto(`${decision}/scores`);
  await expect(page.getByRole("heading", { level: 1, name: "Follow the scoring" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto(`${decision}/weights`);
  await expect(page.getByRole("heading", { level: 1, name: "Follow the weighting" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
