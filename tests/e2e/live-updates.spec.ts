import type { BrowserContext, BrowserContextOptions, Page } from "@playwright/test";
import { type Actor, expect, type NewContext, snapshot, test } from "./fixtures";
import { DecisionPage, saveScores } from "./pages/decision-pages";
import { DESKTOP, expectNotReloaded, joinThroughInvite, markLoaded, newSmallDecision } from "./support/team-setup";

// Open pages follow the decision without a reload: a member's save shows in the facilitator's
// progress, the reveal reaches the member's pages, and a sheet whose phase ends keeps what was typed.

/** The polite region the live updates speak in. */
const announced = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

/** A team of a facilitator and a member, and a decision of two options and two criteria in scoring. */
async function decisionInScoring(actor: (label: string, options?: BrowserContextOptions) => Promise<Actor>, newContext: NewContext, title: string) {
  const owner = await actor("Fay", { viewport: DESKTOP });
  const team = await owner.teams.createTeam(`${title} team`);
  const member = await joinThroughInvite(newContext, await team.createInvite({ role: "member" }), "Mo");
  const decisionUrl = await newSmallDecision(owner.page, title);
  const facilitator = new DecisionPage(owner.page);
  await facilitator.advance("Open weighting", "Weighting");
  await facilitator.advance("Close weighting and open scoring", "Scoring");
  return { owner, facilitator, member, decisionUrl };
}

test("a member's saved scores show on the facilitator's open page, and the reveal reaches the member's open pages, without a reload", async ({
  actor,
  newContext,
}) => {
  test.slow();
  const { owner, facilitator, member, decisionUrl } = await decisionInScoring(actor, newContext, "Queue consumer");
  await expect(facilitator.progress()).toContainText("0 of 2 have submitted scores");
  await markLoaded(owner.page);
  // The same facilitator also follows on a phone.
  const phone = await owner.page.context().newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(decisionUrl);
  const onPhone = new DecisionPage(phone);
  await expect(onPhone.progress()).toContainText("0 of 2 have submitted scores");

  // The member saves; the facilitator's page, left alone, catches up and says so.
  await member.page.goto(`${decisionUrl}/scores`);
  await saveScores(member.page, { Flask: { "Project requirements": 4, "Team expertise": 3 }, Koa: { "Project requirements": 2 } });
  await expect(facilitator.progress()).toContainText("1 of 2 have submitted scores", { timeout: 5_000 });
  await expect(onPhone.progress()).toContainText("1 of 2 have submitted scores", { timeout: 5_000 });
  await onPhone.progress().scrollIntoViewIfNeeded();
  await phone.screenshot({ path: "tests/e2e/.screenshots/live-progress-phone.png" });
  await snapshot(owner.page, "live-progress-desktop");
  await expect(announced(owner.page, "Someone submitted their scores.")).toBeAttached();
  await expect(facilitator.timeline()).toContainText("Mo Tester submitted scores");
  await expectNotReloaded(owner.page);

  // The member keeps the results page open in one tab and the decision page in another.
  const results = member.page;
  await results.goto(`${decisionUrl}/results`);
  await expect(results.getByText(/The results are sealed until the facilitator reveals them/)).toBeVisible();
  await markLoaded(results);
  const overview = await member.context.newPage();
  await overview.goto(decisionUrl);
  const overviewPhase = new DecisionPage(overview).currentPhase();
  await expect(overviewPhase).toContainText("Scoring");
  await markLoaded(overview);

  await facilitator.advance("Close scoring and reveal results", "Revealed");
  await expect(results.getByRole("heading", { name: "Results", level: 1 })).toBeVisible();
  await expect(results.getByText("Revealed: everyone’s weights and scores are now visible to the team.")).toBeVisible({ timeout: 5_000 });
  await expect(announced(results, "Results revealed.")).toBeAttached();
  await expectNotReloaded(results);
  await expect(overviewPhase).toContainText("Revealed", { timeout: 5_000 });
  await expect(announced(overview, "Results revealed.")).toBeAttached();
  await expectNotReloaded(overview);
  await snapshot(results, "live-results-revealed");
});

test("a score sheet keeps what was typed through others' saves, and when scoring closes says so instead of refreshing", async ({ actor, newContext }) => {
  test.slow();
  const { owner, facilitator, member, decisionUrl } = await decisionInScoring(actor, newContext, "Search index");
  const sheet = member.page;
  await sheet.goto(`${decisionUrl}/scores`);
  const cell = sheet.getByLabel("Team expertise score for Koa", { exact: true });
  await cell.selectOption("5");
  await markLoaded(sheet);

  // Someone else saves: nothing on this sheet depends on it, so it is left alone (no refresh, no
  // announcement: a team saving at once must not make every open sheet render again).
  await owner.page.goto(`${decisionUrl}/scores`);
  await saveScores(owner.page, { Flask: { "Project requirements": 3 } });
  await owner.page.goto(decisionUrl);
  await expect(facilitator.progress()).toContainText("1 of 2 have submitted scores");
  await sheet.waitForTimeout(1_000);
  await expect(announced(sheet, "Someone submitted their scores.")).toHaveCount(0);
  await expect(cell).toHaveValue("5");
  await expect(sheet.getByRole("main").getByRole("status").filter({ hasText: "You have unsaved changes." })).toBeVisible();

  // The facilitator reveals: the sheet is not refreshed away; a notice says what happened.
  await facilitator.advance("Close scoring and reveal results", "Revealed");
  await expect(sheet.getByText("Scoring closed while you were editing; nothing you typed is lost.").first()).toBeVisible({ timeout: 5_000 });
  await expect(cell).toHaveValue("5");
  await expect(cell).toBeEnabled();
  await expectNotReloaded(sheet);
  await snapshot(sheet, "live-sheet-closed-notice");
  await sheet.getByRole("link", { name: "See where the decision is now" }).click();
  await expect(new DecisionPage(sheet).currentPhase()).toContainText("Revealed");
});

test("a page whose stream was refused (the database down) opens it again later and catches up on what it missed", async ({ actor }) => {
  const owner = await actor("Rui", { viewport: DESKTOP });
  await owner.teams.createTeam("Retry team");
  const decisionUrl = await newSmallDecision(owner.page, "Cache layer");

  const watcher = await owner.page.context().newPage();
  let refused = 0;
  // The first try answers as the route does while PostgreSQL is down.
  await watcher.route("**/live?*", async (route) => {
    if (refused++ > 0) return route.fallback();
    await route.fulfill({ status: 503, contentType: "text/plain", headers: { "Retry-After": "5" }, body: "temporarily unavailable" });
  });
  await watcher.goto(decisionUrl);
  await expect.poll(() => refused).toBe(1);
  await markLoaded(watcher);
  // The phase moves while the watcher has no stream: the next one starts from the page's last event.
  await new DecisionPage(owner.page).advance("Open weighting", "Weighting");
  await expect(new DecisionPage(watcher).currentPhase()).toContainText("Weighting", { timeout: 15_000 });
  await expect(announced(watcher, "Weighting opened.")).toBeAttached();
  expect(refused).toBe(2);
  await expectNotReloaded(watcher);
});

/** What the browser does when the tab goes to the background or comes back. */
async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((value) => {
    Object.defineProperty(document, "hidden", { value, configurable: true });
    Object.defineProperty(document, "visibilityState", { value: value ? "hidden" : "visible", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}

test("a hidden tab lets go of its stream and, shown again, catches up on what happened meanwhile", async ({ actor }) => {
  const owner = await actor("Hana", { viewport: DESKTOP });
  await owner.teams.createTeam("Hidden tab team");
  const decisionUrl = await newSmallDecision(owner.page, "Job runner");

  const background = await owner.page.context().newPage();
  const streams: string[] = [];
  background.on("request", (request) => {
    if (request.url().includes("/live?")) streams.push(request.url());
  });
  await background.goto(decisionUrl);
  await expect.poll(() => streams.length).toBe(1);
  await markLoaded(background);
  await setHidden(background, true);
  await new DecisionPage(owner.page).advance("Open weighting", "Weighting");
  // Hidden: no stream, so the page still shows what it showed.
  await background.waitForTimeout(1_500);
  await expect(new DecisionPage(background).currentPhase()).toContainText("Draft");
  await setHidden(background, false);
  await expect(new DecisionPage(background).currentPhase()).toContainText("Weighting", { timeout: 5_000 });
  expect(streams).toHaveLength(2);
  await expectNotReloaded(background);
});

/** Opens the live stream with the context's cookies, reads for a moment, hangs up. */
async function readStream(context: BrowserContext, url: string, headers: Record<string, string> = {}) {
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const hangUp = new AbortController();
  const response = await fetch(url, { headers: { cookie, accept: "text/event-stream", ...headers }, signal: hangUp.signal });
  let body = "";
  const reader = response.body!.getReader();
  const timer = setTimeout(() => hangUp.abort(), 700);
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) body += new TextDecoder().decode(chunk.value);
  } catch {
    // Hung up: the stream never ends by itself.
  } finally {
    clearTimeout(timer);
  }
  return { response, body };
}

test("the live stream is unbuffered, uncompressed event-stream that carries ids and types only, from Last-Event-ID or ?after=", async ({ actor, baseURL }) => {
  const owner = await actor("Sid", { viewport: DESKTOP });
  await owner.teams.createTeam("Stream team");
  await newSmallDecision(owner.page, "Secret-free stream");
  await new DecisionPage(owner.page).advance("Open weighting", "Weighting");
  const [, teamId, decisionId] = /\/teams\/([^/]+)\/decisions\/([^/?]+)/.exec(owner.page.url())!;
  const live = `${baseURL}/api/teams/${teamId}/decisions/${decisionId}/live`;

  const all = await readStream(owner.page.context(), `${live}?after=0`, { "accept-encoding": "gzip, br" });
  expect(all.response.status).toBe(200);
  expect(all.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  expect(all.response.headers.get("cache-control")).toContain("no-transform");
  expect(all.response.headers.get("x-accel-buffering")).toBe("no");
  expect(all.response.headers.get("content-encoding")).toBeNull();
  // Set by the route itself (the front door lets streams through untouched): nothing in a stream may run or be framed.
  expect(all.response.headers.get("content-security-policy")).toMatch(/^default-src 'none';.*frame-ancestors 'none'/);
  expect(all.response.headers.get("x-frame-options")).toBe("DENY");
  const frames = all.body.split("\n\n").filter((frame) => frame.includes("event: "));
  expect(frames.map((frame) => /event: (.+)/.exec(frame)![1])).toEqual(["decision.created", "decision.phase_changed"]);
  const ids = frames.map((frame) => Number(/^id: (\d+)$/m.exec(frame)![1]));
  for (const [i, frame] of frames.entries()) expect(JSON.parse(/^data: (.+)$/m.exec(frame)![1]!)).toEqual({ id: ids[i], type: /event: (.+)/.exec(frame)![1] });
  expect(all.body).not.toContain("Secret-free stream");

  // A reconnect's Last-Event-ID wins over the page's ?after=.
  const resumed = await readStream(owner.page.context(), `${live}?after=0`, { "last-event-id": String(ids[0]) });
  expect(resumed.body.match(/^event: .+$/gm)).toEqual(["event: decision.phase_changed"]);
  const bad = await fetch(`${live}?after=1e3`, { headers: { cookie: (await owner.page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") } });
  expect(bad.status).toBe(400);
});
