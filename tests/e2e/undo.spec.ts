import type { Page } from "@playwright/test";
import { expect, type NewContext, test } from "./fixtures";
import { newPerson, SignUpPage } from "./pages/auth-pages";
import { DecisionPage, NewDecisionPage, saveScores, saveWeights } from "./pages/decision-pages";

const SHOTS = "/work/wt/shots/undo";
const PHONE = { width: 390, height: 844 };

/** The page at desktop width and on a phone, for a person to look at; a phone never scrolls sideways. */
async function shots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function joinThroughInvite(newContext: NewContext, inviteUrl: string, label: string, teamName: string) {
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(inviteUrl);
  await page.getByRole("link", { name: "Create an account and join" }).click();
  await new SignUpPage(page).signUp(newPerson(label));
  await expect(page.getByRole("heading", { level: 1, name: teamName, exact: true })).toBeVisible();
  return page;
}

const CRITERIA = { "Project requirements": 5, "Team expertise": 5 };

test("a facilitator takes a decision in weighting back to draft; a member withdraws their scores", async ({ actor, newContext }) => {
  test.slow();
  const fay = await actor("Fay");
  const team = await fay.teams.createTeam("Undo crew");
  const invite = await team.createInvite({ role: "member" });
  const teamUrl = fay.page.url();
  const max = await joinThroughInvite(newContext, invite, "Max", "Undo crew");

  await fay.page.goto(teamUrl);
  await fay.page.getByRole("link", { name: "New decision" }).first().click();
  const form = new NewDecisionPage(fay.page);
  await form.fill({ title: "Queue library", frameworks: ["Flask", "Koa"], removeCriteria: ["Popularity", "Community support", "Scalability"] });
  await form.submit();
  await expect(fay.page.getByRole("heading", { level: 1, name: "Queue library" })).toBeVisible();
  const decisionUrl = fay.page.url().replace(/\?.*$/, "");
  const facilitator = new DecisionPage(fay.page);
  await facilitator.advance("Open weighting", "Weighting");

  // Max weights; the facilitator then notices a criterion is wrong and goes back to draft.
  await max.goto(`${decisionUrl}/weights`);
  await saveWeights(max, CRITERIA);
  await fay.page.goto(decisionUrl);
  await expect(facilitator.progress()).toContainText("1 of 2 have submitted weights");
  await fay.page.getByText("Back to draft to fix options or criteria…").click();
  await fay.page.getByRole("button", { name: "Back to draft" }).click();
  // The required box stops the form until it is ticked.
  await expect(fay.page.getByRole("checkbox", { name: /weights given so far \(1 member's weights\) will be set aside/ })).toBeVisible();
  await expect(facilitator.currentPhase()).toContainText("Weighting");
  await shots(fay.page, "back-to-draft-confirm");
  await fay.page.getByRole("checkbox", { name: /will be set aside/ }).check();
  await fay.page.getByRole("button", { name: "Back to draft" }).click();
  await expect(fay.page.getByRole("link", { name: "Edit draft" })).toBeVisible();
  await expect(facilitator.timeline()).toContainText("Fay Tester took the decision back to draft to fix it; 1 member's weights were set aside");
  await expect(facilitator.progress()).not.toContainText("1 of 2");

  // Max is told, on the decision page and the weights page.
  await max.goto(decisionUrl);
  await expect(max.getByRole("status").filter({ hasText: "the weights you gave were set aside" })).toContainText(
    "You will need to weight again when weighting reopens.",
  );
  await expect(new DecisionPage(max).timeline()).toContainText("took the decision back to draft to fix it; 1 member's weights were set aside");
  await shots(max, "member-weights-set-aside");
  await max.goto(`${decisionUrl}/weights`);
  await expect(max.getByRole("status").filter({ hasText: "the weights you gave were set aside" })).toBeVisible();

  // Weighting reopens: Max weights again, and the notice goes.
  await fay.page.goto(decisionUrl);
  await facilitator.advance("Open weighting", "Weighting");
  await max.goto(decisionUrl);
  await expect(max.getByRole("status").filter({ hasText: "Weighting is open again" })).toBeVisible();
  await max.getByRole("link", { name: "Weight the criteria" }).click();
  await saveWeights(max, CRITERIA);
  await max.goto(decisionUrl);
  await expect(max.getByText("the weights you gave were set aside")).toHaveCount(0);

  // Scoring: Max scores, then takes the scores back.
  await fay.page.goto(decisionUrl);
  await facilitator.advance("Close weighting and open scoring", "Scoring");
  await max.goto(`${decisionUrl}/scores`);
  await saveScores(max, { Flask: { "Project requirements": 4, "Team expertise": 4 }, Koa: { "Project requirements": 2, "Team expertise": 3 } });
  await max.reload();
  await expect(max.getByText("Not submitted yet")).toHaveCount(0);
  await fay.page.goto(decisionUrl);
  await expect(facilitator.progress()).toContainText("1 of 2 have submitted scores");

  await max.getByText("Withdraw my scores…").click();
  await max.getByRole("checkbox", { name: /I want to take back my scores/ }).check();
  await shots(max, "withdraw-scores-confirm");
  await max.getByRole("button", { name: "Withdraw my scores" }).click();
  await expect(max.getByRole("status").filter({ hasText: "You withdrew your scores" })).toBeVisible();
  await expect(max.getByRole("link", { name: "Score the options" })).toBeVisible();
  await expect(new DecisionPage(max).timeline()).toContainText("withdrew their scores");
  await shots(max, "scores-withdrawn");
  // Said once: the address loses the flag, so a reload does not say it again.
  await expect(max).toHaveURL((url) => !url.searchParams.has("withdrew"));
  await max.reload();
  await expect(new DecisionPage(max).timeline()).toContainText("withdrew their scores");
  await expect(max.getByText("You withdrew your scores")).toHaveCount(0);
  await max.goto(`${decisionUrl}/scores`);
  await expect(max.getByText("Not submitted yet: nothing counts until you save.")).toBeVisible();

  await fay.page.reload();
  await expect(facilitator.progress()).toContainText("0 of 2 have submitted scores");
  await expect(facilitator.timeline()).toContainText("withdrew their scores");
});
