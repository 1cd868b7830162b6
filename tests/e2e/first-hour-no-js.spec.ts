import { expect, snapshot, test } from "./fixtures";
import { newPerson, SignUpPage } from "./pages/auth-pages";
import { DecisionPage, NewDecisionPage, saveScores, saveWeights } from "./pages/decision-pages";

// A newcomer on a phone whose JavaScript has not loaded (or is off) joins from an invite and votes:
// every step is a plain form post, so each must work before hydration.

test("without JavaScript, a guest signs up from an invite, lands on the team, weighs and scores", async ({ actor, newContext }) => {
  test.slow();
  const owner = await actor("Nora");
  const team = await owner.teams.createTeam("No-script guild");
  const inviteUrl = await team.createInvite({ role: "member" });
  await owner.page.getByRole("link", { name: "New decision" }).first().click();
  const form = new NewDecisionPage(owner.page);
  await form.fill({ title: "Queue for the mailer", frameworks: ["Flask", "Koa"], removeCriteria: ["Popularity", "Community support", "Scalability"] });
  await form.submit();
  const decision = new DecisionPage(owner.page);
  await decision.advance("Open weighting", "Weighting");

  const context = await newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(inviteUrl);
  expect(new URL(page.url()).pathname).toBe("/invite");
  await expect(page.getByRole("heading", { name: "Join No-script guild on Verdict" })).toBeVisible();
  await page.getByRole("link", { name: "Create an account and join" }).click();
  const guest = newPerson("Gale");
  await new SignUpPage(page).signUp(guest);

  await expect(page.getByRole("heading", { name: "Welcome to No-script guild" })).toBeVisible();
  await snapshot(page, "no-js-welcome-phone");
  await page.getByRole("link", { name: "Weigh the criteria: Queue for the mailer" }).click();
  await saveWeights(page, { "Project requirements": 8, "Team expertise": 3 });
  await snapshot(page, "no-js-weights-saved-phone");

  await owner.page.reload();
  await decision.advance("Close weighting and open scoring", "Scoring");
  await page.goto("/teams");
  await page.getByRole("link", { name: "Score the options: Queue for the mailer" }).click();
  await saveScores(page, { Flask: { "Project requirements": 4, "Team expertise": 5 }, Koa: { "Project requirements": 3 } });
  await snapshot(page, "no-js-scores-saved-phone");
  await page.goto("/teams");
  await expect(page.getByRole("region", { name: "Waiting for your vote" })).toHaveCount(0);
  await context.close();
});

test("a signed-in member joins from the invite page before any script has run", async ({ actor, newContext }) => {
  const owner = await actor("Omar");
  const team = await owner.teams.createTeam("Cold start crew");
  const inviteUrl = await team.createInvite({ role: "viewer" });
  const member = await actor("Mina");
  const cookies = await member.page.context().cookies();
  const context = await newContext({ javaScriptEnabled: false });
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(inviteUrl);
  await page.getByRole("button", { name: "Join Cold start crew" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cold start crew", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Welcome to Cold start crew" })).toBeVisible();
  await context.close();
});

test("the framework catalog starts a decision with the ticked frameworks shortlisted, without JavaScript", async ({ actor, newContext }) => {
  const owner = await actor("Cato");
  await owner.teams.createTeam("Catalog shoppers");
  const context = await newContext({ javaScriptEnabled: false });
  await context.addCookies(await owner.page.context().cookies());
  const page = await context.newPage();
  await page.goto("/frameworks");
  await page.getByRole("checkbox", { name: /^Flask/ }).check();
  await page.getByRole("checkbox", { name: /^Koa/ }).check();
  await page.getByRole("button", { name: "Start a decision with the ticked frameworks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New decision" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^Flask\b/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^Koa\b/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^Django\b/ })).not.toBeChecked();
  await context.close();
});
