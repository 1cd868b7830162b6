import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DecisionPage } from "./pages/decision-pages";
import { TeamPage } from "./pages/team-pages";
import { expectAxeClean } from "./support/axe";
import { closeLargeTeamDb, type LargeTeam, seedLargeTeam, userIdByEmail } from "./support/large-team";

// The team page, the decision log and the decision page answer in a page of bounded size however
// large the team (250 members, 300 decisions, 1,500 events on one decision), and the rest is a
// plain link away, without JavaScript too.

const MAX_HTML_BYTES = 150 * 1024;
const SIZE = { members: 250, decisions: 300, events: 1500, invites: 60 };
const PHONE = { width: 390, height: 844 };

test.afterAll(closeLargeTeamDb);

function pagesOf(team: LargeTeam) {
  const teamUrl = `/teams/${team.teamId}`;
  return {
    team: teamUrl,
    log: `${teamUrl}/decisions`,
    busyDecision: `${teamUrl}/decisions/${team.busyDecisionId}`,
    decidedDecision: `${teamUrl}/decisions/${team.decidedDecisionId}`,
  };
}

/** A phone-width page scrolls only downwards. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

test("the team, decision log and decision pages send at most 150 KB of HTML for a large team", async ({ actor }) => {
  test.slow();
  const owner = await actor("Large");
  const team = await seedLargeTeam(await userIdByEmail(owner.person.email), SIZE);
  const sizes: Record<string, number> = {};
  for (const [name, url] of Object.entries(pagesOf(team))) {
    const response = await owner.page.request.get(url);
    expect(response.status(), url).toBe(200);
    sizes[name] = (await response.body()).length;
  }
  test.info().annotations.push({ type: "html bytes", description: JSON.stringify(sizes) });
  for (const [name, bytes] of Object.entries(sizes)) expect(bytes, `${name} page HTML`).toBeLessThanOrEqual(MAX_HTML_BYTES);
});

test("without JavaScript, on a phone, plain links page through the timeline, the voters, the members and the log", async ({ actor, newContext }) => {
  test.slow();
  const owner = await actor("Pager");
  const team = await seedLargeTeam(await userIdByEmail(owner.person.email), SIZE);
  const urls = pagesOf(team);
  const storageState = await owner.page.context().storageState();
  const page = await (await newContext({ javaScriptEnabled: false, storageState, viewport: PHONE })).newPage();

  // The timeline: the latest 40 events, then the 40 before them, then back.
  await page.goto(urls.busyDecision);
  const decision = new DecisionPage(page);
  const events = decision.timeline().getByRole("listitem");
  await expect(events).toHaveCount(40);
  await expect(events.first()).toContainText("commented on Option 1461");
  await expect(events.last()).toContainText("commented on Option 1500");
  await expectNoSidewaysScroll(page);
  await decision.timeline().getByRole("link", { name: "Show earlier events" }).click();
  await expect(page).toHaveURL(/\?before=\d+#timeline-heading$/);
  await expect(events.first()).toContainText("commented on Option 1421");
  await expect(events.last()).toContainText("commented on Option 1460");

  // The voters: counts of everyone, names a page at a time; paging them keeps the timeline's place.
  const progress = decision.progress();
  await expect(progress).toContainText("of 226 have submitted weights");
  await expect(progress.getByRole("listitem").first()).toContainText("Member 0001");
  await progress.getByRole("link", { name: "Next page of voters" }).click();
  await expect(page).toHaveURL(/\?before=\d+&voters=2#progress-heading$/);
  await expect(progress).toContainText("Page 2 of 6");
  await expect(progress.getByRole("listitem").first()).toContainText("Member 0045");
  await expect(events.first()).toContainText("commented on Option 1421");
  await decision.timeline().getByRole("link", { name: "Show the latest events" }).click();
  await expect(events.last()).toContainText("commented on Option 1500");
  await expect(progress).toContainText("Page 2 of 6");
  const pagedDecision = page.url();

  // The members, fifteen at a time.
  await page.goto(urls.team);
  const members = new TeamPage(page).members();
  await expect(members.getByRole("heading")).toHaveText(`Members (${SIZE.members + 1})`);
  await expect(members.getByRole("row")).toHaveCount(16);
  await members.getByRole("link", { name: "Next page of members" }).click();
  await expect(page).toHaveURL(/\?members=2#members-heading$/);
  await expect(members).toContainText("Page 2 of 17");
  await expect(members.getByRole("row").nth(1)).toContainText("Member 0016");
  await expectNoSidewaysScroll(page);
  const pagedTeam = page.url();

  // The log, filtered by a form that needs no script, paged with its filter kept.
  await page.goto(urls.log);
  const log = page.getByRole("table", { name: /All decisions: 302/ });
  await expect(log.getByRole("row")).toHaveCount(26);
  await page.getByLabel("Status").selectOption("decided");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("table", { name: /Decisions matching the filters: 151, page 1 of 7/ })).toBeVisible();
  await page.getByRole("link", { name: "Next page of decisions" }).click();
  await expect(page).toHaveURL(/\?status=decided&page=2$/);
  const filtered = page.getByRole("table", { name: /Decisions matching the filters: 151, page 2 of 7/ });
  await expect(filtered.getByRole("row")).toHaveCount(26);
  await expect(filtered.getByRole("row").nth(1)).toContainText("Logged decision 0252");
  await expectNoSidewaysScroll(page);

  // axe needs script in the page: the same pages, in the owner's own browser.
  await owner.page.setViewportSize(PHONE);
  for (const url of [pagedDecision, pagedTeam, page.url()]) {
    await owner.page.goto(url);
    await expectAxeClean(owner.page);
  }
});
