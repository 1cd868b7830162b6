import { expect, test } from "./fixtures";
import { DecisionPage } from "./pages/decision-pages";
import { newSmallDecision } from "./support/team-setup";

// A team's and a decision's pages are titled by their names, so tabs, history entries and a screen
// reader's announcement of a new page tell one team or decision from another; someone who may not
// see them learns neither name from a title.

test("team and decision pages are titled by the team and the decision, and name nothing to anyone else", async ({ actor, page }) => {
  const owner = await actor("Tia");
  const team = `Titles ${Date.now().toString(36)}`;
  await owner.teams.createTeam(team);
  await expect(owner.page).toHaveTitle(`${team} · Verdict`);

  // Markup in a name is text in the title, not markup.
  const decision = `Queue <b>broker</b> & "co"`;
  const url = await newSmallDecision(owner.page, decision);
  await expect(owner.page).toHaveTitle(`${decision} · Verdict`);

  await owner.page.goto(`${url}/weights`);
  await expect(owner.page).toHaveTitle(`Weights · ${decision} · Verdict`);
  await owner.page.goto(`${url}/results`);
  await expect(owner.page).toHaveTitle(`Results · ${decision} · Verdict`);
  // An option's discussion names the option too (each option's thread is linked once the decision is open).
  await owner.page.goto(url);
  await new DecisionPage(owner.page).advance("Open weighting", "Weighting");
  await owner.page.getByRole("region", { name: "Discussion" }).getByRole("link", { name: "Koa" }).click();
  await expect(owner.page.getByRole("heading", { level: 1, name: "Discussing Koa" })).toBeVisible();
  await expect(owner.page).toHaveTitle(`Discussing Koa · ${decision} · Verdict`);
  const optionUrl = owner.page.url();

  const teamUrl = url.replace(/\/decisions\/[^/]+$/, "");
  await owner.page.goto(`${teamUrl}/decisions`);
  await expect(owner.page).toHaveTitle(`Decisions · ${team} · Verdict`);
  await owner.page.goto(`${teamUrl}/decisions/new`);
  await expect(owner.page).toHaveTitle(`New decision · ${team} · Verdict`);

  // Another person, signed in but not a member: not found, and neither name in the title.
  const stranger = await actor("Sid");
  for (const address of [url, `${url}/scores`, optionUrl, teamUrl, `${teamUrl}/decisions`]) {
    await stranger.page.goto(address);
    await expect(stranger.page.getByRole("heading", { level: 1 })).toBeVisible();
    const title = await stranger.page.title();
    expect(title, address).not.toContain("broker");
    expect(title, address).not.toContain(team);
    expect(title, address).not.toContain("Koa");
  }

  // Nobody signed in: sent to sign in, under the sign-in page's own title.
  await page.goto(url);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page).toHaveTitle("Sign in · Verdict");
});
