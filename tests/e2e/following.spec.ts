import type { Page } from "@playwright/test";
import { type Actor, expect, type NewContext, snapshot, test } from "./fixtures";
import { newPerson, SignUpPage } from "./pages/auth-pages";
import { DecisionPage, NewDecisionPage, saveScores, saveWeights } from "./pages/decision-pages";

// Two moments of a new team's first hour: a viewer opens a sheet link that was meant for the voters,
// and a decision two people voted on shows its cross-check with ranked methods.

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** A new person who signs up from an invite link and lands on the team. */
async function joinThroughInvite(newContext: NewContext, inviteUrl: string, label: string) {
  const context = await newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(inviteUrl);
  await page.getByRole("link", { name: "Create an account and join" }).click();
  const person = newPerson(label);
  await new SignUpPage(page).signUp(person);
  await expect(page.getByRole("heading", { name: /^Welcome to / })).toBeVisible();
  return { page, person };
}

/** A screenshot at the desktop size and one at a phone's, for a person to look at. */
async function bothSizes(page: Page, name: string) {
  await snapshot(page, name);
  await page.setViewportSize(PHONE);
  await snapshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

/** Nothing on the page takes a vote: no field, no slider, no save button. */
async function expectNoBallot(page: Page) {
  const main = page.getByRole("main");
  for (const role of ["textbox", "spinbutton", "slider", "combobox"] as const) await expect(main.getByRole(role)).toHaveCount(0);
  await expect(main.getByRole("button", { name: /save/i })).toHaveCount(0);
}

test("a viewer who opens the weights or scores page reads what they can follow and when the results appear, not a ballot", async ({ actor, newContext }) => {
  test.slow();
  const owner: Actor = await actor("Opal", { viewport: DESKTOP });
  const team = await owner.teams.createTeam("Docs guild");
  const viewerInvite = await team.createInvite({ role: "viewer" });
  const vic = await joinThroughInvite(newContext, viewerInvite, "Vic");

  await owner.page.getByRole("link", { name: "New decision" }).first().click();
  const form = new NewDecisionPage(owner.page);
  await form.fill({ title: "Search for the docs site", frameworks: ["Flask", "Koa"], removeCriteria: ["Popularity", "Community support", "Scalability"] });
  await owner.page.getByLabel("Weighting closes").fill("2031-03-10T15:00");
  await owner.page.getByLabel("Scoring closes").fill("2031-03-14T15:00");
  await form.submit();
  await expect(owner.page.getByRole("navigation", { name: "Phases" })).toBeVisible();
  const decisionUrl = owner.page.url().replace(/\?.*$/, "");
  const facilitator = new DecisionPage(owner.page);
  await facilitator.advance("Open weighting", "Weighting");

  // The decision page tells the viewer what their part is, and when the results come.
  await vic.page.goto(decisionUrl);
  const part = vic.page.getByRole("region", { name: "Your part" });
  await expect(part).toContainText("You follow this decision as a viewer");
  await expect(part).toContainText("at the latest when scoring closes");
  await expect(part.getByRole("link", { name: /weight|score/i })).toHaveCount(0);

  await vic.page.goto(`${decisionUrl}/weights`);
  await expect(vic.page.getByRole("heading", { level: 1, name: "Follow the weighting" })).toBeVisible();
  await expectNoBallot(vic.page);
  await expect(vic.page.getByRole("region", { name: "Progress" })).toContainText("0 of 1 have submitted weights");
  await bothSizes(vic.page, "viewer-weights");

  await facilitator.advance("Close weighting and open scoring", "Scoring");
  await vic.page.goto(`${decisionUrl}/scores`);
  await expect(vic.page.getByRole("heading", { level: 1, name: "Follow the scoring" })).toBeVisible();
  await expect(vic.page.getByRole("heading", { name: "Score the options" })).toHaveCount(0);
  await expectNoBallot(vic.page);
  await expect(vic.page.getByRole("region", { name: "Progress" })).toContainText("0 of 1 have submitted scores");
  await expect(vic.page.getByRole("region", { name: "Progress" }).locator("time")).toHaveCount(1);
  const when = vic.page.getByRole("region", { name: "When the results appear" });
  await expect(when).toContainText("when the facilitator reveals them, or at the latest when scoring closes");
  await expect(when.locator("time")).toHaveCount(1);
  const scored = vic.page.getByRole("region", { name: "What is being scored" });
  for (const name of ["Flask", "Koa", "Project requirements", "Team expertise"]) await expect(scored).toContainText(name);
  await bothSizes(vic.page, "viewer-scores");

  await vic.page.getByRole("link", { name: "Back to the decision" }).click();
  await expect(vic.page.getByRole("heading", { level: 1, name: "Search for the docs site" })).toBeVisible();

  // Once revealed, the page says so and leads to the results.
  await facilitator.advance("Close scoring and reveal results", "Revealed");
  await vic.page.goto(`${decisionUrl}/scores`);
  await expectNoBallot(vic.page);
  await vic.page.getByRole("region", { name: "When the results appear" }).getByRole("link", { name: "See the results" }).click();
  await expect(vic.page.getByRole("heading", { level: 1, name: "Results" })).toBeVisible();
});

test("two voters whose ranked methods only tie read a calm note, not an alarming 'Disagrees'", async ({ actor, newContext }) => {
  test.slow();
  const tess: Actor = await actor("Tess", { viewport: DESKTOP });
  const team = await tess.teams.createTeam("Pair of deciders");
  const invite = await team.createInvite({ role: "member" });
  const max = await joinThroughInvite(newContext, invite, "Max");

  await tess.page.getByRole("link", { name: "New decision" }).first().click();
  const form = new NewDecisionPage(tess.page);
  await form.fill({ title: "Worker runtime", frameworks: ["Flask", "Koa"], removeCriteria: ["Popularity", "Community support", "Scalability"] });
  await form.submit();
  await expect(tess.page.getByRole("navigation", { name: "Phases" })).toBeVisible();
  const decisionUrl = tess.page.url().replace(/\?.*$/, "");
  const decision = new DecisionPage(tess.page);
  await decision.advance("Open weighting", "Weighting");
  for (const page of [tess.page, max.page]) {
    await page.goto(`${decisionUrl}/weights`);
    await saveWeights(page, { "Project requirements": 5, "Team expertise": 5 });
  }
  await tess.page.goto(decisionUrl);
  await decision.advance("Close weighting and open scoring", "Scoring");
  // Tess prefers Flask strongly, Max prefers Koa mildly: the weighted score picks Flask (3 against 2.5),
  // while the two rankings, one each way, tie.
  await tess.page.goto(`${decisionUrl}/scores`);
  await saveScores(tess.page, { Flask: { "Project requirements": 5, "Team expertise": 5 }, Koa: { "Project requirements": 1, "Team expertise": 1 } });
  await max.page.goto(`${decisionUrl}/scores`);
  await saveScores(max.page, { Flask: { "Project requirements": 1, "Team expertise": 1 }, Koa: { "Project requirements": 4, "Team expertise": 4 } });
  await tess.page.goto(decisionUrl);
  await decision.advance("Close scoring and reveal results", "Revealed");

  await tess.page.getByRole("link", { name: "See the results", exact: true }).click();
  const check = tess.page.getByRole("region", { name: "Cross-check with ranked methods" });
  await expect(check).toContainText("Tie at the top");
  await expect(check).not.toContainText("Disagrees");
  const note = check.getByRole("note");
  await expect(note).toContainText("With only 2 voters, ranked methods often tie or swap options that score close together");
  await expect(note).toContainText("It would matter with many voters");
  await check.scrollIntoViewIfNeeded();
  await bothSizes(tess.page, "results-two-voters");
});
