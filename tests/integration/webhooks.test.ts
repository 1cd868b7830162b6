import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Db } from "../../db/client";
import { eventsAfter, lockCursor, moveCursor } from "../../db/queries/outbox";
import { jobs, webhookDeliveries } from "../../db/schema";
import { verifyWebhookSignature } from "../../lib/domain/webhook-signature";
import { AppError, ForbiddenError, NotFoundError } from "../../lib/errors";
import { inTeam } from "../../lib/services/access";
import { queueAllWebhookDeliveries, queueWebhookDeliveries } from "../../lib/services/webhook-outbox";
import { createWebhook, deleteWebhook, sendTestEvent, type TargetPolicy, WEBHOOK_JOB, webhookCursor, webhooksSectionData } from "../../lib/services/webhooks";
import type { CreateWebhookInput } from "../../lib/validation/webhooks";
import { runDueJobs } from "../../lib/worker/jobs";
import { webhookJob } from "../../lib/worker/webhooks";
import { createDecisionFixture, moveTo } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, uniqueSuffix } from "../support/factories";
import { startWebhookReceiver, TEST_DELIVERY_OPTIONS, type WebhookReceiver } from "../support/webhook-receiver";

// Webhooks against a real HTTP receiver on this file's port (3340): signed requests, retries
// through the jobs queue, the per-webhook cursor over the events table, and the address rules.

const PORT = 3340;
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver(PORT);
});
afterAll(async () => {
  await receiver.close();
});

const SECRET = "whsec_integration-secret-0123456789";
const ALLOW: TargetPolicy = { allowPrivate: true };
const REFUSE: TargetPolicy = { allowPrivate: false };

type HookInput = Omit<CreateWebhookInput, "teamId">;
const hookInput = (path: string, overrides: Partial<HookInput> = {}): HookInput => ({
  url: `http://127.0.0.1:${PORT}${path}`,
  format: "json",
  eventTypes: ["decision.created", "decision.phase_changed", "scores.submitted"],
  secret: SECRET,
  ...overrides,
});

const addWebhook = (db: Db, actorId: string, teamId: string, input: HookInput, policy: TargetPolicy = ALLOW) =>
  inTeam(db, actorId, teamId, "team.webhooks", (ctx) => createWebhook(ctx, input, policy));

/** Queues until every event committed so far is read (other files write to the same database meanwhile). */
async function queueSettled(db: Db): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const step = await queueAllWebhookDeliveries(db);
    if (!step.waiting && !step.busy && !step.behind) return;
    if (Date.now() > deadline) throw new Error("the webhook outbox did not settle");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until a step of the hook would read every event written so far. While a transaction older
 * than them is open (another test file's, on a busy machine), a step reads none and says it is waiting.
 */
async function eventsSettled(db: Db, hookId: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const waiting = await db.transaction(async (tx) => {
      const position = await lockCursor(tx, webhookCursor(hookId));
      return position === null || (await eventsAfter(tx, position, 200)).waiting;
    });
    if (!waiting) return;
    if (Date.now() > deadline) throw new Error("the events did not settle");
    await sleep(50);
  }
}

const logOf = async (db: Db, ownerId: string, teamId: string) =>
  (await webhooksSectionData({ db, teamId, teamName: "Webhook team", actor: { userId: ownerId, role: "owner" }, now: new Date(), granted: "team.webhooks" }))!;
const runJobs = (db: Db) => runDueJobs(db, { [WEBHOOK_JOB]: webhookJob(db, TEST_DELIVERY_OPTIONS) }, { limit: 50 });
const at = (path: string) => receiver.received.filter((request) => request.path === path);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function setting(db: Db) {
  const people = await createUsers(db, ["owner", "member", "viewer"]);
  const team = await createTeamWith(db, { owner: people.owner, member: people.member, viewer: people.viewer }, `Hooks ${uniqueSuffix()}`);
  return { people, team, path: `/hook/${uniqueSuffix()}` };
}

describeEachDriver("webhooks", (ctx) => {
  test("a team's event arrives once, signed over timestamp and body, with names and a link; another team's does not", async () => {
    const { people, team, path } = await setting(ctx.db);
    await addWebhook(ctx.db, people.owner.id, team.id, hookInput(`${path}?from=verdict`));
    const other = await setting(ctx.db);
    const title = `Queue & <broker> ${uniqueSuffix()}`;
    const fx = await createDecisionFixture(ctx.db, people.member.id, team.id, { title });
    await createDecisionFixture(ctx.db, other.people.owner.id, other.team.id);
    await queueSettled(ctx.db);
    await runJobs(ctx.db);
    await queueSettled(ctx.db);
    await runJobs(ctx.db);

    const requests = at(`${path}?from=verdict`);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.method).toBe("POST");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["x-verdict-event"]).toBe("decision.created");
    const timestamp = request!.headers["x-verdict-timestamp"] as string;
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const signature = request!.headers["x-verdict-signature"] as string;
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret: SECRET, timestamp, signature, body: request!.body })).toBe(true);
    expect(verifyWebhookSignature({ secret: "whsec_someone-else-entirely", timestamp, signature, body: request!.body })).toBe(false);
    expect(JSON.parse(request!.body)).toMatchObject({
      type: "decision.created",
      team: { id: team.id, name: team.name },
      decision: { id: fx.decisionId, title },
      actor: { name: people.member.name },
      url: `https://verdict.example/teams/${team.id}/decisions/${fx.decisionId}`,
    });

    const log = await logOf(ctx.db, people.owner.id, team.id);
    expect(log.attempts).toMatchObject([{ attempt: 1, statusCode: 200, error: null, nextAttemptAt: null, eventType: "decision.created" }]);
  });

  test("a refused request is tried again after the backoff, as is one to a receiver that was down, and the log keeps each attempt", async () => {
    const { people, team, path } = await setting(ctx.db);
    await addWebhook(ctx.db, people.owner.id, team.id, hookInput(path));
    receiver.answerWith(503);
    const fx = await createDecisionFixture(ctx.db, people.owner.id, team.id);
    try {
      await queueSettled(ctx.db);
      await runJobs(ctx.db);
      expect(at(path)).toHaveLength(1);
      // Not due yet: the first retry waits the base (200 ms here).
      await runJobs(ctx.db);
      expect(at(path)).toHaveLength(1);
    } finally {
      receiver.answerWith(200);
    }
    // Down altogether: connection refused, then back.
    await receiver.close();
    await sleep(250);
    try {
      await runJobs(ctx.db);
    } finally {
      receiver = await startWebhookReceiver(PORT);
    }
    await sleep(450);
    await runJobs(ctx.db);
    expect(at(path)).toHaveLength(1); // the new receiver's first request
    expect(JSON.parse(at(path)[0]!.body)).toMatchObject({ type: "decision.created", decision: { id: fx.decisionId } });

    const { attempts } = await logOf(ctx.db, people.owner.id, team.id);
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.error, a.nextAttemptAt === null])).toEqual([
      [3, 200, null, true],
      [2, null, "connection refused", false],
      [1, 503, null, false],
    ]);
    const [delivery] = await ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.teamId, team.id));
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3 });
  });

  test("a step stopped half-way queues nothing; the next queues each event once, and repeating it over the same events queues nothing twice", async () => {
    const { people, team, path } = await setting(ctx.db);
    const hook = await addWebhook(ctx.db, people.owner.id, team.id, hookInput(path));
    const start = await ctx.db.transaction((tx) => lockCursor(tx, webhookCursor(hook.id)));
    const fx = await createDecisionFixture(ctx.db, people.owner.id, team.id);
    await moveTo(ctx.db, fx, "weighting");
    await eventsSettled(ctx.db, hook.id);
    const target = { id: hook.id, teamId: team.id, eventTypes: hookInput(path).eventTypes, enabled: true };

    // A server that dies after queueing but before committing: everything it did is rolled back.
    await expect(
      ctx.db.transaction(async (tx) => {
        const step = await queueWebhookDeliveries(tx, target, 200);
        expect(step.queued).toBeGreaterThan(0);
        throw new Error("the server stopped here");
      }),
    ).rejects.toThrow("the server stopped here");
    const queuedFor = async () => ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook.id));
    expect(await queuedFor()).toHaveLength(0);

    await queueSettled(ctx.db);
    expect((await queuedFor()).map((d) => d.eventType).sort()).toEqual(["decision.created", "decision.phase_changed"]);
    // The cursor put back where it started (as if the move had been lost): the unique index holds.
    await ctx.db.transaction(async (tx) => {
      await lockCursor(tx, webhookCursor(hook.id));
      await moveCursor(tx, webhookCursor(hook.id), start!);
    });
    await queueSettled(ctx.db);
    expect(await queuedFor()).toHaveLength(2);
    const queuedJobs = await ctx.db.select().from(jobs).where(eq(jobs.kind, WEBHOOK_JOB));
    const ids = new Set((await queuedFor()).map((d) => d.id));
    expect(queuedJobs.filter((job) => ids.has(Number(job.payload.deliveryId)))).toHaveLength(2);

    await runJobs(ctx.db);
    const received = at(path).map((r) => JSON.parse(r.body) as { eventId: number });
    expect(received).toHaveLength(2);
    expect(new Set(received.map((r) => r.eventId)).size).toBe(2);
  });

  test("a tick steps each webhook once, a batch at most, and says when one is behind; a worker takes only the jobs it has a handler for", async () => {
    const { people, team, path } = await setting(ctx.db);
    const hook = await addWebhook(ctx.db, people.owner.id, team.id, hookInput(path));
    const fx = await createDecisionFixture(ctx.db, people.owner.id, team.id);
    await moveTo(ctx.db, fx, "weighting");
    await moveTo(ctx.db, fx, "scoring");
    const queuedFor = async () => ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook.id));
    await eventsSettled(ctx.db, hook.id);
    const first = await queueAllWebhookDeliveries(ctx.db, { batch: 1 });
    expect(first.behind).toBe(true);
    expect((await queuedFor()).length).toBeLessThanOrEqual(1);
    await queueSettled(ctx.db);
    expect((await queuedFor()).map((d) => d.eventType).sort()).toEqual(["decision.created", "decision.phase_changed", "decision.phase_changed"]);

    // A worker that only sends email leaves the webhook jobs for one that delivers them.
    const ids = new Set((await queuedFor()).map((d) => d.id));
    const mine = async () => (await ctx.db.select().from(jobs).where(eq(jobs.kind, WEBHOOK_JOB))).filter((job) => ids.has(Number(job.payload.deliveryId)));
    await runDueJobs(ctx.db, { "notification.email": async () => {} }, { limit: 50 });
    expect((await mine()).map((job) => job.attempts)).toEqual([0, 0, 0]);
    await runJobs(ctx.db);
    expect(at(path)).toHaveLength(3);
  });

  test("a test event is queued, not sent during the request, and arrives marked as a test; a paused webhook is sent nothing", async () => {
    const { people, team, path } = await setting(ctx.db);
    const hook = await addWebhook(ctx.db, people.owner.id, team.id, hookInput(path, { format: "slack" }));
    await inTeam(ctx.db, people.owner.id, team.id, "team.webhooks", (c) => sendTestEvent(c, { webhookId: hook.id }));
    expect(at(path)).toHaveLength(0);
    await runJobs(ctx.db);
    const [request] = at(path);
    expect(JSON.parse(request!.body)).toMatchObject({ text: expect.stringContaining("Test from Verdict"), blocks: expect.any(Array) });

    await inTeam(ctx.db, people.owner.id, team.id, "team.webhooks", async (c) => {
      const { setWebhookEnabled } = await import("../../lib/services/webhooks");
      await setWebhookEnabled(c, { webhookId: hook.id, enabled: false });
    });
    await createDecisionFixture(ctx.db, people.owner.id, team.id);
    await queueSettled(ctx.db);
    await runJobs(ctx.db);
    expect(at(path)).toHaveLength(1);
  });

  test("without ALLOW_PRIVATE_WEBHOOKS, private, loopback and other internal addresses are refused when saved", async () => {
    const { people, team } = await setting(ctx.db);
    const refused = [
      "http://127.0.0.1:3340/x",
      "http://localhost:3340/x",
      "http://2130706433/x", // 127.0.0.1 written as one number
      "http://0x7f.1/x",
      "http://[::1]/x",
      "http://[::ffff:127.0.0.1]/x",
      "http://[::ffff:a9fe:a9fe]/x", // 169.254.169.254, the cloud metadata address
      "http://169.254.169.254/latest/meta-data",
      "http://10.0.0.5/x",
      "http://100.64.0.1/x",
      "http://[fd00::1]/x",
      "http://[fe80::1]/x",
      "http://0.0.0.0/x",
      "http://224.0.0.1/x",
    ];
    for (const url of refused) {
      const attempt = addWebhook(ctx.db, people.owner.id, team.id, hookInput("/x", { url: new URL(url).toString() }), REFUSE);
      await expect(attempt, url).rejects.toThrow(/webhooks only go to public addresses/);
    }
    // A name that resolves to a public address is taken (resolved here without the network).
    const publicName: TargetPolicy = { allowPrivate: false, resolve: async () => [{ address: "93.184.216.34", family: 4 }] };
    await expect(addWebhook(ctx.db, people.owner.id, team.id, hookInput("/x", { url: "https://hooks.example.com/x" }), publicName)).resolves.toMatchObject({
      secret: SECRET,
    });
    // One private address among its answers is enough to refuse a name.
    const mixed: TargetPolicy = {
      allowPrivate: false,
      resolve: async () => [
        { address: "93.184.216.34", family: 4 },
        { address: "10.0.0.1", family: 4 },
      ],
    };
    await expect(addWebhook(ctx.db, people.owner.id, team.id, hookInput("/x", { url: "https://mixed.example.com/x" }), mixed)).rejects.toThrow(
      "mixed.example.com resolves to 10.0.0.1, which is a private network address",
    );
  });

  test("at delivery the name is resolved and checked again, so a name that turns private later (DNS rebinding) is not called", async () => {
    const { people, team } = await setting(ctx.db);
    let answer = "93.184.216.34";
    const resolve: TargetPolicy["resolve"] = async () => [{ address: answer, family: 4 }];
    const hook = await addWebhook(ctx.db, people.owner.id, team.id, hookInput("/x", { url: `http://rebind.example:${PORT}/rebound` }), {
      allowPrivate: false,
      resolve,
    });
    answer = "127.0.0.1";
    await inTeam(ctx.db, people.owner.id, team.id, "team.webhooks", (c) => sendTestEvent(c, { webhookId: hook.id }));
    await runDueJobs(ctx.db, { [WEBHOOK_JOB]: webhookJob(ctx.db, { ...TEST_DELIVERY_OPTIONS, policy: { allowPrivate: false, resolve } }) });
    expect(at("/rebound")).toHaveLength(0);
    const { attempts } = await logOf(ctx.db, people.owner.id, team.id);
    expect(attempts[0]!.error).toBe(
      "Not sent: rebind.example resolves to 127.0.0.1, which is a loopback address (this machine); webhooks only go to public addresses.",
    );
  });

  test("only owners and admins manage webhooks, only their own team's, and at most ten", async () => {
    const { people, team, path } = await setting(ctx.db);
    await expect(addWebhook(ctx.db, people.member.id, team.id, hookInput(path))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addWebhook(ctx.db, people.viewer.id, team.id, hookInput(path))).rejects.toBeInstanceOf(ForbiddenError);
    const other = await setting(ctx.db);
    await expect(addWebhook(ctx.db, other.people.owner.id, team.id, hookInput(path))).rejects.toBeInstanceOf(NotFoundError);
    const hook = await addWebhook(ctx.db, people.owner.id, team.id, hookInput(path, { secret: undefined }));
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    // Another team's owner names this team's webhook under their own team: not found, not deleted.
    await expect(inTeam(ctx.db, other.people.owner.id, other.team.id, "team.webhooks", (c) => deleteWebhook(c, { webhookId: hook.id }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    for (let i = 1; i < 10; i++) await addWebhook(ctx.db, people.owner.id, team.id, hookInput(`${path}/${i}`));
    await expect(addWebhook(ctx.db, people.owner.id, team.id, hookInput(path))).rejects.toThrow(AppError);
    await expect(addWebhook(ctx.db, people.owner.id, team.id, hookInput(path))).rejects.toThrow("A team can have at most 10 webhooks");
  });
});
