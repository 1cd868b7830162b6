import type { BrowserContext } from "@playwright/test";
import { E2E_APP_DATABASE_URL, E2E_AUTH_SECRET, E2E_SMTP_PORT } from "../../playwright.config";
import { verifyWebhookSignature } from "../../lib/domain/webhook-signature";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import { expect, test } from "./fixtures";
import { DecisionPage, saveScores } from "./pages/decision-pages";
import { AppServer } from "./support/app-server";
import { useSmtpReceiver } from "./support/mail-and-bell";
import { Nginx } from "./support/nginx";
import { DESKTOP, expectNotReloaded, joinThroughInvite, markLoaded, newSmallDecision } from "./support/team-setup";

// Two production servers of the same build on the one e2e database, and nginx in front of both
// (round robin). What one instance writes, the other's open pages show without a reload: every
// event is announced by the database, and each instance LISTENs. Through nginx, the live stream
// arrives as it is written, not when a buffer fills.

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const PORT_A = E2E_PORT + 1;
const PORT_B = E2E_PORT + 2;
const NGINX_PORT = E2E_PORT + 3;
// Not webhooks.spec.ts's receiver port: the two files may run side by side.
const WEBHOOK_PORT = E2E_PORT + 43;
const received = useSmtpReceiver();

test.describe.configure({ mode: "serial", timeout: 120_000 });

let a: AppServer | undefined;
let b: AppServer | undefined;
let nginx: Nginx | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // The same SMTP_URL as the main server: these instances' workers share the jobs, so an email
  // another spec waits for may be sent by either of them.
  const env = {
    DATABASE_URL: E2E_APP_DATABASE_URL,
    AUTH_SECRET: E2E_AUTH_SECRET,
    AUTH_TRUST_HOST: "true",
    SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    ALLOW_PRIVATE_WEBHOOKS: "true",
    WEBHOOK_RETRY_BASE_MS: "1000",
  };
  // The build and the migrated database are the main web server's (playwright.config.ts).
  [a, b] = await Promise.all([AppServer.start(PORT_A, env), AppServer.start(PORT_B, env)]);
  if (Nginx.available()) nginx = await Nginx.start(NGINX_PORT, [PORT_A, PORT_B]);
});

test.afterAll(async () => {
  await nginx?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
});

test("a save on instance A shows on the facilitator's page on instance B, and B's reveal reaches the member's pages on A, without a reload", async ({
  actor,
  newContext,
}) => {
  // The facilitator's browser talks to B only, the member's to A only.
  const owner = await actor("Fay", { viewport: DESKTOP, baseURL: b!.url });
  const team = await owner.teams.createTeam("Two instances team");
  const invite = await team.createInvite({ role: "member" });
  const member = await joinThroughInvite(newContext, invite.replace(b!.url, a!.url), "Mo");
  expect(new URL(member.page.url()).port).toBe(String(PORT_A));

  const path = new URL(await newSmallDecision(owner.page, "Message broker")).pathname;
  const facilitator = new DecisionPage(owner.page);
  await facilitator.advance("Open weighting", "Weighting");
  await facilitator.advance("Close weighting and open scoring", "Scoring");
  await expect(facilitator.progress()).toContainText("0 of 2 have submitted scores");
  await markLoaded(owner.page);

  // On A, the member keeps the team page open in a tab of its own; it shows phases, not votes.
  const teamPage = await member.context.newPage();
  await teamPage.goto(`${a!.url}${path.replace(/\/decisions\/.*$/, "")}`);
  const listed = teamPage.getByRole("listitem").filter({ hasText: "Message broker" });
  await expect(listed).toContainText("Scoring");
  await markLoaded(teamPage);
  const refreshes: string[] = [];
  teamPage.on("request", (request) => {
    const headers = request.headers();
    if (headers["rsc"] === "1" && !headers["next-router-prefetch"]) refreshes.push(request.url());
  });

  // The member saves through A; B's open page hears of it from the database.
  await member.page.goto(`${a!.url}${path}/scores`);
  await saveScores(member.page, { Flask: { "Project requirements": 4, "Team expertise": 3 }, Koa: { "Project requirements": 2 } });
  await expect(facilitator.progress()).toContainText("1 of 2 have submitted scores", { timeout: 5_000 });
  await expect(owner.page.getByRole("status").filter({ hasText: "Someone submitted their scores." })).toBeAttached();
  await expectNotReloaded(owner.page);
  expect(new URL(owner.page.url()).port).toBe(String(PORT_B));
  // The team page heard the save too, and left itself alone.
  await teamPage.waitForTimeout(1_000);
  expect(refreshes).toEqual([]);

  // The member keeps the sealed results open on A.
  const results = member.page;
  await results.goto(`${a!.url}${path}/results`);
  await expect(results.getByText(/The results are sealed until the facilitator reveals them/)).toBeVisible();
  await markLoaded(results);

  // The facilitator reveals through B.
  await facilitator.advance("Close scoring and reveal results", "Revealed");
  await expect(results.getByText("Revealed: everyone’s weights and scores are now visible to the team.")).toBeVisible({ timeout: 5_000 });
  await expectNotReloaded(results);
  await expect(listed).toContainText("Revealed", { timeout: 5_000 });
  await expect(teamPage.getByRole("status").filter({ hasText: "A decision moved to its next phase." })).toBeAttached();
  expect(refreshes.length).toBeGreaterThan(0);
  await expectNotReloaded(teamPage);
});

/** An open event stream read as it arrives, with the context's cookies; `close` hangs up. */
async function openStream(context: BrowserContext, url: string) {
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const hangUp = new AbortController();
  const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: hangUp.signal });
  const stream = { response, body: "", ended: false, close: () => hangUp.abort() };
  const reader = response.body!.getReader();
  void (async () => {
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) stream.body += new TextDecoder().decode(chunk.value);
    } catch {
      // Hung up.
    }
    stream.ended = true;
  })();
  return stream;
}

test("through nginx, requests go round robin to both instances and the live streams arrive unbuffered", async ({ actor }) => {
  test.skip(!nginx, "needs nginx (/usr/sbin/nginx, Debian's package)");
  const owner = await actor("Nia", { viewport: DESKTOP, baseURL: nginx!.url });
  const upstreams = new Set<string>();
  owner.page.on("response", (response) => {
    const upstream = response.headers()["x-upstream"];
    if (upstream) upstreams.add(upstream);
  });
  await owner.teams.createTeam("Behind nginx team");
  const path = new URL(await newSmallDecision(owner.page, "Load balancer")).pathname;
  const [, teamId] = /\/teams\/([^/]+)/.exec(path)!;

  // A page through nginx follows the decision live, with its EventSource through nginx too.
  const watcher = await owner.page.context().newPage();
  const opened = watcher.waitForResponse((r) => r.url().includes("/live?"));
  await watcher.goto(`${nginx!.url}${path}`);
  expect((await opened).headers()["x-upstream"]).toMatch(new RegExp(`127\\.0\\.0\\.1:(${PORT_A}|${PORT_B})`));
  await markLoaded(watcher);

  // Raw streams, a decision's and the team's, held open while the phase moves.
  const decisionStream = await openStream(owner.page.context(), `${nginx!.url}/api${path}/live`);
  const teamStream = await openStream(owner.page.context(), `${nginx!.url}/api/teams/${teamId}/live`);
  try {
    for (const stream of [decisionStream, teamStream]) {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
      // The stream's opening line arrives at once, long before any buffer would fill.
      await expect.poll(() => stream.body).toContain(": live");
    }
    await new DecisionPage(owner.page).advance("Open weighting", "Weighting");
    const sent = Date.now();
    for (const stream of [decisionStream, teamStream]) {
      await expect.poll(() => stream.body, { timeout: 3_000 }).toContain("event: decision.phase_changed");
      expect(stream.ended, "the stream stays open").toBe(false);
    }
    expect(Date.now() - sent).toBeLessThan(3_000);
    await expect(new DecisionPage(watcher).currentPhase()).toContainText("Weighting", { timeout: 5_000 });
    await expectNotReloaded(watcher);
  } finally {
    decisionStream.close();
    teamStream.close();
  }
  // Round robin: both instances answered this one person's requests, no sticky sessions.
  expect([...upstreams].sort()).toEqual([`127.0.0.1:${PORT_A}`, `127.0.0.1:${PORT_B}`]);
});

test("behind nginx, a reminder sent through it reaches a member by email, and a webhook added through it arrives signed, and again after its receiver was down", async ({
  actor,
  newContext,
}) => {
  test.skip(!nginx, "needs nginx (/usr/sbin/nginx, Debian's package)");
  test.slow();
  const lb = nginx!.url;
  let receiver: WebhookReceiver | undefined = await startWebhookReceiver(WEBHOOK_PORT);
  try {
    const owner = await actor("Rhea", { viewport: DESKTOP, baseURL: lb });
    const team = await owner.teams.createTeam("Balanced team");
    const member = await joinThroughInvite(newContext, await team.createInvite({ role: "member" }), "Tom");
    const teamUrl = `${lb}${new URL(member.page.url()).pathname}`;

    // Tom wants reminders by email.
    await member.page.goto(`${lb}/account`);
    await member.page
      .getByRole("group", { name: /^A reminder/ })
      .getByRole("radio", { name: "Also by email" })
      .check();
    await member.page.getByRole("button", { name: "Save notification settings" }).click();
    await expect(member.page.getByRole("status").filter({ hasText: "1 kind also by email" })).toBeVisible();

    // Rhea adds a webhook for new decisions and phase changes.
    await owner.page.goto(teamUrl);
    await owner.page.getByRole("link", { name: "Manage webhooks" }).click();
    const form = owner.page.getByRole("region", { name: "Add a webhook" });
    await form.getByLabel("Address (URL)").fill(`http://127.0.0.1:${WEBHOOK_PORT}/balanced`);
    await form.getByRole("radio", { name: "Plain JSON" }).check();
    await form.getByRole("checkbox", { name: "A decision is created" }).check();
    await form.getByRole("checkbox", { name: /^A decision moves on/ }).check();
    await form.getByRole("button", { name: "Add webhook" }).click();
    const secret = await owner.page.getByLabel("Signing secret").inputValue();
    const arrived = (type: string, title: string) =>
      receiver?.received.filter((r) => r.path === "/balanced" && r.body.includes(`"type":"${type}"`) && r.body.includes(title)) ?? [];
    const signed = (r: { headers: Record<string, unknown>; body: string }) =>
      verifyWebhookSignature({
        secret,
        timestamp: r.headers["x-verdict-timestamp"] as string,
        signature: r.headers["x-verdict-signature"] as string,
        body: r.body,
      });

    const title = `Balanced broker ${Date.now()}`;
    await owner.page.goto(teamUrl);
    await newSmallDecision(owner.page, title);
    await expect.poll(() => arrived("decision.created", title).length, { timeout: 20_000 }).toBe(1);
    expect(signed(arrived("decision.created", title)[0]!)).toBe(true);

    // The reminder, through nginx: the email reaches Tom, sent by whichever server's worker took the job.
    const facilitator = new DecisionPage(owner.page);
    await facilitator.advance("Open weighting", "Weighting");
    const card = owner.page.getByRole("region", { name: "Remind" });
    await card.getByRole("button", { name: "Remind 1 person" }).click();
    await expect(card.getByRole("status")).toHaveText("Reminder sent to 1 person.");
    const tom = member.person.email.toLowerCase();
    const unwrapped = () => received().map((m) => m.replace(/=\r?\n/g, ""));
    await expect
      .poll(() => unwrapped().find((m) => m.includes(tom) && m.includes(title)) ?? "", { timeout: 20_000 })
      .toContain("A reminder from the facilitator");

    // The receiver goes down; the next phase change fails, then arrives once it is back.
    await receiver.close();
    receiver = undefined;
    await facilitator.advance("Close weighting and open scoring", "Scoring");
    await expect(async () => {
      await owner.page.goto(`${teamUrl}/webhooks`);
      await expect(owner.page.getByRole("table", { name: "Delivery log" }).getByRole("row").filter({ hasText: "connection refused" }).first()).toBeVisible({
        timeout: 1_000,
      });
    }).toPass({ timeout: 20_000 });
    receiver = await startWebhookReceiver(WEBHOOK_PORT);
    await expect.poll(() => arrived("decision.phase_changed", title).filter((r) => r.body.includes("scoring")).length, { timeout: 30_000 }).toBe(1);
    expect(signed(arrived("decision.phase_changed", title).find((r) => r.body.includes("scoring"))!)).toBe(true);
  } finally {
    await receiver?.close();
  }
});
