import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

test("sign-in, team and invite pages have no serious accessibility issues", async ({ actor, page }) => {
  await page.goto("/sign-in");
  expect(await seriousViolations(page)).toEqual([]);

  const owner = await actor("Axe");
  const team = await owner.teams.createTeam("Accessible team");
  const inviteUrl = await team.createInvite();
  expect(await seriousViolations(owner.page)).toEqual([]);

  await page.goto(inviteUrl);
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/invite/broken-link");
  expect(await seriousViolations(page)).toEqual([]);
});
