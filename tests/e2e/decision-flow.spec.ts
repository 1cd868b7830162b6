import { type Actor, expect, type NewContext, snapshot, test } from "./fixtures";
import { newPerson, SignUpPage } from "./pages/auth-pages";
import { DecisionPage, NewDecisionPage, saveScores, saveWeights } from "./pages/decision-pages";

/** A new person who signs up from an invite link and joins the team. */
async function joinThroughInvite(newContext: NewContext, inviteUrl: string, label: string, teamName: string) {
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(inviteUrl);
  await page.getByRole("link", { name: "Create an account and join" }).click();
  const person = newPerson(label);
  await new SignUpPage(page).signUp(person);
  // Signing up from the invite joins at once and lands on the team, welcomed.
  await expect(page.getByRole("heading", { level: 1, name: teamName, exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Welcome to ${teamName}` })).toBeVisible();
  return { page, person, context };
}

const CRITERIA = ["Project requirements", "Team expertise", "Scalability", "Community support", "Hiring"];

test("three members take a decision from creation to a recorded outcome, and the history shows it", async ({ actor, newContext }) => {
  test.slow();
  const fran: Actor = await actor("Fran");
  const team = await fran.teams.createTeam("Platform guild");
  const memberInvite = await team.createInvite({ role: "member", maxUses: "2" });
  const viewerInvite = await team.createInvite({ role: "viewer" });
  const teamUrl = fran.page.url();
  const mo = await joinThroughInvite(newContext, memberInvite, "Mo", "Platform guild");
  const nia = await joinThroughInvite(newContext, memberInvite, "Nia", "Platform guild");
  const vic = await joinThroughInvite(newContext, viewerInvite, "Vic", "Platform guild");

  // Create, with one bad submission first.
  await fran.page.goto(teamUrl);
  await fran.page.getByRole("link", { name: "New decision" }).first().click();
  const form = new NewDecisionPage(fran.page);
  await form.fill({
    title: "Framework for the billing service",
    context: "Billing moves out of the monolith.\n\nWe need strong typing and good libraries.",
    frameworks: ["Django"],
    removeCriteria: ["Popularity"],
    addCriterion: { name: "Hiring", description: "Can we hire for it?" },
  });
  await form.submit();
  await expect(fran.page.getByText("Shortlist at least two options to choose between", { exact: true })).toBeVisible();
  await expect(fran.page.getByLabel("Title")).toHaveValue("Framework for the billing service");
  await snapshot(fran.page, "decision-new-error");
  await fran.page.getByRole("checkbox", { name: /^NestJS\b/ }).check();
  await fran.page.getByRole("checkbox", { name: /^Express\b/ }).check();
  await form.submit();
  await expect(fran.page.getByRole("heading", { level: 1, name: "Framework for the billing service" })).toBeVisible();
  const decisionUrl = fran.page.url().replace(/\?.*$/, "");
  await snapshot(fran.page, "decision-draft");

  const facilitator = new DecisionPage(fran.page);
  await facilitator.advance("Open weighting", "Weighting");

  // Weighting, sealed: each member sees only their own sheet.
  const voters = [
    { who: fran.page, weights: [8, 9, 5, 4, 3] },
    { who: mo.page, weights: [7, 4, 9, 6, 5] },
    { who: nia.page, weights: [9, 8, 6, 5, 2] },
  ];
  for (const [i, { who, weights }] of voters.entries()) {
    await who.goto(decisionUrl);
    await who.getByRole("link", { name: "Weight the criteria" }).click();
    await saveWeights(who, Object.fromEntries(CRITERIA.map((c, j) => [c, weights[j]!])));
    if (i === 0) await snapshot(who, "decision-weights");
  }
  await mo.page.goto(`${decisionUrl}/results`);
  await expect(mo.page.getByText("The results are sealed until the facilitator reveals them")).toBeVisible();
  await expect(mo.page.getByText("Weighting is open: 3 of 3 have submitted weights.")).toBeVisible();
  await expect(mo.page.getByRole("link", { name: "Weight the criteria" })).toHaveCount(0);
  await fran.page.goto(decisionUrl);
  await expect(facilitator.progress()).toContainText("3 of 3 have submitted weights");
  await facilitator.advance("Close weighting and open scoring", "Scoring");

  // The viewer watches but cannot vote.
  await vic.page.goto(decisionUrl);
  await expect(vic.page.getByText("You follow this decision as a viewer", { exact: false })).toBeVisible();
  await vic.page.goto(`${decisionUrl}/scores`);
  await expect(vic.page.getByRole("heading", { level: 1, name: "Follow the scoring" })).toBeVisible();
  await expect(vic.page.getByRole("button", { name: "Save scores" })).toHaveCount(0);

  // The results page before the reveal says where things stand and leads to each person's next step.
  await fran.page.goto(`${decisionUrl}/results`);
  await expect(fran.page.getByText("Scoring is open: 0 of 3 have submitted scores.")).toBeVisible();
  await expect(fran.page.getByRole("link", { name: "close scoring on the decision page" })).toHaveAttribute("href", /#facilitate-heading$/);
  await fran.page.goto(`${decisionUrl}/decide`);
  await expect(fran.page.getByText("The outcome can be recorded once the results are revealed.")).toBeVisible();
  await expect(fran.page.getByRole("link", { name: "Go to the decision’s Facilitate section" })).toHaveAttribute("href", /#facilitate-heading$/);
  await nia.page.goto(`${decisionUrl}/results`);
  await expect(nia.page.getByRole("link", { name: "close scoring on the decision page" })).toHaveCount(0);
  await nia.page.getByRole("link", { name: "Score the options" }).click();
  await expect(nia.page.getByRole("heading", { level: 1, name: "Score the options" })).toBeVisible();

  // Scoring.
  const sheets: Record<string, number[]>[] = [
    { Django: [3, 2, 4, 5, 4], NestJS: [5, 5, 4, 4, 4], Express: [3, 4, 3, 5, 5] },
    { Django: [4, 3, 4, 5, 3], NestJS: [4, 4, 4, 4, 4], Express: [3, 4, 3, 4, 5] },
    { Django: [3, 2, 3, 4, 3], NestJS: [5, 4, 5, 4, 3], Express: [4, 5, 3, 4, 4] },
  ];
  for (const [i, page] of [fran.page, mo.page, nia.page].entries()) {
    await page.goto(decisionUrl);
    await page.getByRole("link", { name: "Score the options" }).click();
    const sheet = sheets[i]!;
    await saveScores(
      page,
      Object.fromEntries(Object.entries(sheet).map(([option, values]) => [option, Object.fromEntries(CRITERIA.map((c, j) => [c, values[j]!]))])),
    );
    if (i === 0) await snapshot(page, "decision-scores");
  }
  await fran.page.goto(decisionUrl);
  await expect(facilitator.progress()).toContainText("3 of 3 have submitted scores");
  await snapshot(fran.page, "decision-scoring");
  await facilitator.advance("Close scoring and reveal results", "Revealed");

  // Results: NestJS wins on every method with these ballots.
  await fran.page.getByRole("link", { name: "See the results" }).click();
  const ranking = fran.page.getByRole("region", { name: "Weighted ranking" });
  await expect(ranking.getByRole("row").nth(1)).toContainText("NestJS");
  await expect(fran.page.getByRole("region", { name: "Cross-check with ranked methods" })).toContainText("Agrees");
  await expect(fran.page.getByRole("region", { name: "Each person’s weights and scores" })).toContainText(mo.person.name);
  await snapshot(fran.page, "decision-results");

  // Decide with an ADR.
  await fran.page.getByRole("link", { name: "Record the decision" }).click();
  await fran.page.getByRole("radio", { name: /Express/ }).check();
  await fran.page.getByLabel("Decision", { exact: true }).fill("We will use Express.");
  await fran.page.getByLabel("Good consequences").fill("Small and familiar.");
  await fran.page.getByLabel("Bad consequences").fill("We assemble more ourselves.");
  await fran.page.getByRole("button", { name: "Record the decision" }).click();
  await expect(fran.page.getByText("Explain why the team chose an option other than the top-ranked one")).toBeVisible();
  await expect(fran.page.getByLabel("Decision", { exact: true })).toHaveValue("We will use Express.");
  await fran.page.getByRole("radio", { name: /NestJS/ }).check();
  await fran.page.getByLabel("Decision", { exact: true }).fill("We will build billing on NestJS: it ranked first on every method.");
  await snapshot(fran.page, "decision-decide");
  await fran.page.getByRole("button", { name: "Record the decision" }).click();
  const record = fran.page.getByRole("region", { name: "Decision record" });
  await expect(record).toContainText("NestJS");
  await expect(record).toContainText("Accepted");
  await fran.page.goto(`${decisionUrl}/decide`);
  await expect(fran.page.getByText("This decision is already recorded.")).toBeVisible();
  await fran.page.getByRole("link", { name: "See the decision record" }).click();
  await expect(record).toContainText("NestJS");
  await snapshot(fran.page, "decision-decided");

  // History: the team's log and the decision's timeline.
  const timeline = new DecisionPage(fran.page).timeline();
  for (const line of [
    `${fran.person.name} created the decision`,
    `${fran.person.name} opened weighting`,
    `${mo.person.name} submitted weights`,
    `${nia.person.name} submitted scores`,
    `${fran.person.name} revealed the results`,
    `${fran.person.name} recorded the decision: NestJS`,
  ]) {
    await expect(timeline).toContainText(line);
  }
  await nia.page.goto(teamUrl.replace(/\?.*$/, "") + "/decisions");
  const row = nia.page.getByRole("row").filter({ hasText: "Framework for the billing service" });
  await expect(row).toContainText("Decided");
  await expect(row).toContainText("NestJS");
  await nia.page.getByLabel("Status").selectOption("scoring");
  await nia.page.getByRole("button", { name: /Filter|Apply|Search/ }).click();
  await expect(nia.page.getByRole("row").filter({ hasText: "Framework for the billing service" })).toHaveCount(0);
  await snapshot(nia.page, "decision-log-filtered");
  await nia.page.goto(teamUrl.replace(/\?.*$/, "") + "/decisions?q=billing");
  await expect(nia.page.getByRole("row").filter({ hasText: "Framework for the billing service" })).toBeVisible();
  await snapshot(nia.page, "decision-log");

  for (const context of [mo.context, nia.context, vic.context]) await context.close();
});
