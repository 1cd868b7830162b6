import type { Page } from "@playwright/test";
import { type Actor, expect, snapshot, test } from "./fixtures";
import { DecisionPage, NewDecisionPage, saveScores, saveWeights } from "./pages/decision-pages";
import { closeDb, passWeightingDeadline } from "./support/db";

test.afterAll(closeDb);

const PHONE = { width: 390, height: 844 };

/** Full-page screenshots of the current page at desktop width and on a phone. */
async function snapshotBoth(page: Page, name: string) {
  const desktop = page.viewportSize();
  await snapshot(page, name);
  await page.setViewportSize(PHONE);
  await snapshot(page, `${name}-phone`);
  // A phone-width page scrolls only downwards: a wide table scrolls inside its card.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  if (desktop) await page.setViewportSize(desktop);
}

/** One person takes a two-option decision all the way to a recorded outcome, from the team page. */
async function decideAlone(owner: Actor, teamUrl: string, title: string) {
  const { page } = owner;
  await page.goto(teamUrl);
  await page.getByRole("link", { name: "New decision" }).first().click();
  const form = new NewDecisionPage(page);
  await form.fill({ title, frameworks: ["Flask", "Koa"], removeCriteria: ["Popularity", "Community support", "Scalability"] });
  await form.submit();
  const decision = new DecisionPage(page);
  await decision.advance("Open weighting", "Weighting");
  await page.getByRole("link", { name: "Weight the criteria" }).click();
  await saveWeights(page, { "Project requirements": 5, "Team expertise": 5 });
  await page.getByRole("link", { name: `← ${title}` }).click();
  await decision.advance("Close weighting and open scoring", "Scoring");
  await page.getByRole("link", { name: "Score the options" }).click();
  await saveScores(page, { Flask: { "Project requirements": 4, "Team expertise": 4 }, Koa: { "Project requirements": 2, "Team expertise": 3 } });
  await page.getByRole("link", { name: `← ${title}` }).click();
  await decision.advance("Close scoring and reveal results", "Revealed");
  await page.getByRole("link", { name: "Record the decision" }).click();
  await page.getByRole("radio", { name: /Flask/ }).check();
  await page.getByLabel("Context", { exact: true }).fill("Workers need a small framework.");
  await page.getByLabel("Decision", { exact: true }).fill("We will use Flask: it ranked first.");
  await page.getByLabel("Good consequences").fill("Familiar to the team.");
  await page.getByLabel("Bad consequences").fill("Fewer batteries included.");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("region", { name: "Decision record" })).toContainText("Accepted");
  return page.url().replace(/\?.*$/, "");
}

test("a facilitator edits a draft, sees the changes saved, then withdraws it", async ({ actor }) => {
  test.slow();
  const eda = await actor("Eda");
  await eda.teams.createTeam("Draft editors");
  await eda.page.getByRole("link", { name: "New decision" }).first().click();
  const form = new NewDecisionPage(eda.page);
  await form.fill({ title: "Cache layer", frameworks: ["Flask", "Koa"] });
  await form.submit();
  await expect(eda.page.getByRole("heading", { level: 1, name: "Cache layer" })).toBeVisible();

  await eda.page.getByRole("link", { name: "Edit draft" }).click();
  await expect(eda.page.getByRole("heading", { level: 1, name: "Edit decision" })).toBeVisible();
  await eda.page.getByLabel("Title").fill("Cache layer for the public API");
  await eda.page.getByRole("checkbox", { name: /^Koa\b/ }).uncheck();
  await eda.page.getByRole("button", { name: "Add custom option" }).click();
  const option = eda.page.getByRole("group", { name: "Custom option 1" });
  await expect(option.getByLabel("Name")).toBeFocused();
  await option.getByLabel("Name").fill("Keep the in-process cache");
  await eda.page.getByRole("button", { name: "Remove criterion Popularity" }).click();
  await eda.page.getByRole("button", { name: "Add criterion" }).click();
  const criterion = eda.page.getByRole("group", { name: /^Criterion \d+$/ }).last();
  await criterion.getByLabel("Name").fill("Running cost");
  await snapshotBoth(eda.page, "decision-edit");
  await eda.page.getByRole("button", { name: "Save changes" }).click();

  await expect(eda.page.getByRole("heading", { level: 1, name: "Cache layer for the public API" })).toBeVisible();
  const options = eda.page.getByRole("region", { name: /^Options/ });
  await expect(options.getByRole("heading")).toHaveText("Options (2)");
  await expect(options).toContainText("Flask");
  await expect(options).toContainText("Keep the in-process cache");
  await expect(options).not.toContainText("Koa");
  const criteria = eda.page.getByRole("region", { name: /^Criteria/ });
  await expect(criteria).toContainText("Running cost");
  await expect(criteria).not.toContainText("Popularity");
  await snapshotBoth(eda.page, "decision-edited-draft");

  await eda.page.getByText("Withdraw this decision…").click();
  await eda.page.getByLabel("Reason (optional)").fill("The API stays uncached for now.");
  eda.page.once("dialog", (dialog) => dialog.accept());
  await eda.page.getByRole("button", { name: "Withdraw decision" }).click();
  await expect(eda.page.getByRole("main").getByText("Withdrawn", { exact: true })).toBeVisible();
  await expect(new DecisionPage(eda.page).timeline()).toContainText(`${eda.person.name} withdrew the decision: The API stays uncached for now.`);
  await expect(eda.page.getByRole("link", { name: "Edit draft" })).toHaveCount(0);
  await expect(eda.page.getByRole("region", { name: "Facilitate" })).toHaveCount(0);
  await expect(eda.page.getByRole("navigation", { name: "Phases" })).toHaveCount(0);
  await eda.page.goto(`${eda.page.url().replace(/[?#].*$/, "")}/decide`);
  await expect(eda.page.getByText("This decision was withdrawn, so it has no outcome to record.")).toBeVisible();
  await expect(eda.page.getByText("The outcome can be recorded once the results are revealed.")).toHaveCount(0);
});

test("deadlines are entered and shown in the browser's time zone once hydrated, and in UTC without JavaScript", async ({ actor, newContext }) => {
  const kai = await actor("Kai", { timezoneId: "Asia/Kolkata" });
  await kai.teams.createTeam("Deadline keepers");
  await kai.page.getByRole("link", { name: "New decision" }).first().click();
  const hint = kai.page.getByText(/^When a deadline passes/);
  // ICU may name the zone by its older alias.
  await expect(hint).toContainText(/Times are in your time zone \(Asia\/(Kolkata|Calcutta), UTC\+05:30\)\./);
  const form = new NewDecisionPage(kai.page);
  await form.fill({ title: "Release train", frameworks: ["Flask", "Koa"] });
  await kai.page.getByLabel("Weighting closes").fill("2030-03-01T10:00");
  await form.submit();
  await expect(kai.page.getByRole("heading", { level: 1, name: "Release train" })).toBeVisible();
  // 10:00 in Kolkata is 04:30 UTC.
  const deadline = new DecisionPage(kai.page).progress().locator("time");
  await expect(deadline).toHaveAttribute("datetime", "2030-03-01T04:30:00.000Z");
  await expect(new DecisionPage(kai.page).progress()).toContainText("Weighting closes");

  await kai.page.getByRole("link", { name: "Edit draft" }).click();
  await expect(kai.page.getByLabel("Weighting closes")).toHaveValue("2030-03-01T10:00");
  // Hydration renders what the server did (UTC); only then does the browser's zone apply, so React reports no mismatch.
  const consoleErrors: string[] = [];
  kai.page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  kai.page.on("pageerror", (error) => consoleErrors.push(error.message));
  await kai.page.reload();
  await expect(kai.page.getByLabel("Weighting closes")).toHaveValue("2030-03-01T10:00");
  await expect(kai.page.locator('input[name="timezoneOffset"]')).toHaveValue("330");
  expect(consoleErrors).toEqual([]);
  const editUrl = kai.page.url();

  const storageState = await kai.page.context().storageState();
  const noScript = await (await newContext({ javaScriptEnabled: false, timezoneId: "Asia/Kolkata", storageState })).newPage();
  await noScript.goto(editUrl);
  await expect(noScript.getByText(/^When a deadline passes/)).toContainText("Times are in UTC.");
  await expect(noScript.getByLabel("Weighting closes")).toHaveValue("2030-03-01T04:30");
  await expect(noScript.locator('input[name="timezoneOffset"]')).toHaveValue("0");
  await noScript.getByRole("button", { name: "Save changes" }).click();
  await expect(noScript.getByRole("heading", { level: 1, name: "Release train" })).toBeVisible();
  await expect(new DecisionPage(noScript).progress().locator("time")).toHaveAttribute("datetime", "2030-03-01T04:30:00.000Z");
});

test("a decided decision is superseded by a newer one, and the newer one is later deprecated", async ({ actor }) => {
  test.slow();
  const sam = await actor("Sam");
  await sam.teams.createTeam("Record keepers");
  const teamUrl = sam.page.url().replace(/\?.*$/, "");
  const older = await decideAlone(sam, teamUrl, "Queue worker framework");
  const newer = await decideAlone(sam, teamUrl, "Queue worker framework, revisited");

  await sam.page.goto(older);
  const later = sam.page.getByRole("region", { name: "Later on" });
  await later.getByLabel("Superseded by").selectOption({ label: "Queue worker framework, revisited" });
  await later.getByRole("button", { name: "Mark superseded" }).click();
  const record = sam.page.getByRole("region", { name: "Decision record" });
  await expect(record).toContainText("Superseded by Queue worker framework, revisited");
  await expect(sam.page.getByRole("main").getByText("Superseded", { exact: true })).toBeVisible();
  await expect(new DecisionPage(sam.page).timeline()).toContainText(
    `${sam.person.name} marked this decision superseded by “Queue worker framework, revisited”`,
  );
  await expect(later.getByRole("button", { name: "Mark superseded" })).toHaveCount(0);

  await record.getByRole("link", { name: "Queue worker framework, revisited" }).click();
  await expect(sam.page.getByRole("heading", { level: 1, name: "Queue worker framework, revisited" })).toBeVisible();
  expect(sam.page.url().replace(/\?.*$/, "")).toBe(newer);
  await expect(sam.page.getByRole("region", { name: "Decision record" }).getByRole("link", { name: "Queue worker framework", exact: true })).toBeVisible();

  sam.page.once("dialog", (dialog) => dialog.accept());
  await sam.page.getByRole("button", { name: "Mark deprecated" }).click();
  await expect(sam.page.getByRole("region", { name: "Decision record" })).toContainText("Deprecated");
  await expect(sam.page.getByRole("main").getByText("Deprecated", { exact: true })).toBeVisible();
  await expect(new DecisionPage(sam.page).timeline()).toContainText(`${sam.person.name} marked this decision deprecated`);
  await expect(sam.page.getByRole("button", { name: "Mark deprecated" })).toHaveCount(0);
  await snapshotBoth(sam.page, "decision-deprecated");

  await sam.page.getByRole("link", { name: "See the results", exact: true }).click();
  await expect(sam.page.getByRole("heading", { level: 1, name: "Results" })).toBeVisible();
  await expect(sam.page.getByRole("region", { name: "Weighted ranking" }).getByRole("row").nth(1)).toContainText("Flask");
  await snapshotBoth(sam.page, "decision-results-decided");

  await sam.page.goto(teamUrl);
  await expect(
    sam.page
      .getByRole("region", { name: /^Members/ })
      .getByRole("row")
      .filter({ hasText: sam.person.name }),
  ).toBeVisible();
  await snapshotBoth(sam.page, "team-page");
});

test("a passed deadline moves the decision on when the page is read; the timeline says so and progress lists only open phases' deadlines", async ({
  actor,
}) => {
  const ida = await actor("Ida");
  await ida.teams.createTeam("Deadline passers");
  await ida.page.getByRole("link", { name: "New decision" }).first().click();
  const form = new NewDecisionPage(ida.page);
  await form.fill({ title: "Log shipper", frameworks: ["Flask", "Koa"] });
  await ida.page.getByLabel("Weighting closes").fill("2030-03-01T10:00");
  await form.submit();
  const decision = new DecisionPage(ida.page);
  await decision.advance("Open weighting", "Weighting");
  await passWeightingDeadline(ida.page.url());

  await ida.page.reload();
  await expect(ida.page.getByRole("region", { name: "Timeline" })).toContainText("weighting deadline passed");
  await expect(decision.progress()).toContainText("submitted scores");
  await expect(decision.progress()).not.toContainText("Weighting clos");
});

test("a recorded decision is amended with a reason: the record stays, the amendment shows under it and in the exports; the team page says its history is intact", async ({
  actor,
}) => {
  test.slow();
  const ada = await actor("Ada");
  await ada.teams.createTeam("Amenders");
  const teamUrl = ada.page.url().replace(/\?.*$/, "");
  const decisionUrl = await decideAlone(ada, teamUrl, "Report runner framework");
  const { page } = ada;
  const record = page.getByRole("region", { name: "Decision record" });

  // Nothing to fix: an empty amendment is refused with the field named, and nothing is added.
  await record.getByText("Amend the record…").click();
  await record.getByLabel("What changes").fill("   ");
  await record.getByLabel("Why").fill("Scope grew");
  await record.getByRole("button", { name: "Add amendment" }).click();
  await expect(record.getByText("Say what changes in the record")).toBeVisible();
  await expect(record.getByRole("region", { name: "Amendments" })).toHaveCount(0);

  await record.getByLabel("What changes").fill("Flask also runs the nightly report jobs.");
  await record.getByRole("button", { name: "Add amendment" }).click();
  const amendments = record.getByRole("region", { name: "Amendments" });
  await expect(amendments).toContainText("Flask also runs the nightly report jobs.");
  await expect(amendments).toContainText("Why: Scope grew");
  await expect(amendments).toContainText(`by ${ada.person.name}`);
  await expect(record).toContainText("We will use Flask: it ranked first.");
  await expect(new DecisionPage(page).timeline()).toContainText(`${ada.person.name} amended the decision record`);
  await snapshotBoth(page, "decision-amended");

  const madr = await (await page.request.get(`${decisionUrl}/export/madr`)).text();
  expect(madr).toContain("### Amendment of ");
  expect(madr).toContain("Flask also runs the nightly report jobs.");
  expect(madr).toMatch(/the latest with hash [0-9a-f]{64}/);
  const json = (await (await page.request.get(`${decisionUrl}/export/json`)).json()) as {
    outcome: { amendments: { reason: string }[] };
    chain: { head: string };
  };
  expect(json.outcome.amendments.map((a) => a.reason)).toEqual(["Scope grew"]);
  expect(json.chain.head).toMatch(/^[0-9a-f]{64}$/);

  // The worker checks a new team's chain within moments of its first events.
  await expect(async () => {
    await page.goto(teamUrl);
    await expect(page.getByText(/History intact up to/)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await snapshotBoth(page, "team-history-intact");
});
