import { expect, test } from "./fixtures";
import { expectAxeClean } from "./support/axe";
import { closeDb, joinTeamAs } from "./support/db";

test.afterAll(closeDb);

test("sign-in, team, account and invite pages have no serious accessibility issues", async ({ actor, page }) => {
  // Five full axe runs, as below: on a busy two-core machine they alone can take most of a minute.
  test.slow();
  await page.goto("/sign-in");
  await expectAxeClean(page);

  const owner = await actor("Axe");
  const team = await owner.teams.createTeam("Accessible team");
  const inviteUrl = await team.createInvite();
  await expectAxeClean(owner.page);

  await owner.page.goto("/account");
  await expect(owner.page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expectAxeClean(owner.page);

  await page.goto(inviteUrl);
  await expectAxeClean(page);
  await page.goto("/invite/broken-link");
  await expectAxeClean(page);
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
  await expectAxeClean(page);

  await page.getByRole("link", { name: "Backend framework for the payments API" }).click();
  // The log's title would satisfy expectAxeClean's title check while the new page's head is still
  // being swapped in (CI once reported document-title here): wait for this page's own title.
  await expect(page).toHaveTitle(/Backend framework for the payments API/);
  await expectAxeClean(page);
  await page.getByRole("link", { name: "See the results", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Results" })).toBeVisible();
  await expectAxeClean(page);

  await page.goBack();
  await page.getByRole("link", { name: "All decisions" }).first().click();
  await page.getByRole("link", { name: "Framework for the real-time notifications service" }).click();
  await page.getByRole("link", { name: "Score the options" }).click();
  await expect(page.getByRole("button", { name: "Save scores" })).toBeVisible();
  await expectAxeClean(page);
  await page.goto(page.url().replace(/\/scores$/, "/weights"));
  await expectAxeClean(page);
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
  await expectAxeClean(page);
  const decision = page.url().replace(/\?.*$/, "");
  await page.goto(`${decision}/scores`);
  await expect(page.getByRole("heading", { level: 1, name: "Follow the scoring" })).toBeVisible();
  await expectAxeClean(page);
  await page.goto(`${decision}/weights`);
  await expect(page.getByRole("heading", { level: 1, name: "Follow the weighting" })).toBeVisible();
  await expectAxeClean(page);
});
