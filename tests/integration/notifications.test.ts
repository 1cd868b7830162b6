import { and, eq, inArray, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { appendEvent } from "../../db/queries/events";
import { enqueueJobs, claimJobs } from "../../db/queries/jobs";
import { setEmailKinds } from "../../db/queries/notifications";
import { eventCursors, jobs, notifications } from "../../db/schema";
import { EMAIL_JOB, fanOutAll, fanOutEvents, NOTIFICATIONS_CURSOR } from "../../lib/services/notifications";
import type { EmailMessage } from "../../lib/domain/notifications";
import { runDueJobs } from "../../lib/worker/jobs";
import { emailJob } from "../../lib/worker/mail";
import { createDecisionFixture, moveTo } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, uniqueSuffix } from "../support/factories";
import { changeMemberRole } from "../support/use-cases";

// Every test here fans out the whole events table after the cursor (which other tests also
// append to) and checks only its own people's notifications.
const NOW = { gapWaitMs: 0 };

describeEachDriver("notifications", (ctx) => {
  async function team() {
    const people = await createUsers(ctx.db, ["facilitator", "member", "viewer", "admin"]);
    const t = await createTeamWith(ctx.db, { owner: people.facilitator, member: people.member, viewer: people.viewer, admin: people.admin });
    return { people, teamId: t.id };
  }
  const mine = (userId: string) => ctx.db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(notifications.id);

  test("scoring opened tells those who vote, not viewers nor the facilitator who opened it; revealed tells everyone else", async () => {
    const { people, teamId } = await team();
    const fx = await createDecisionFixture(ctx.db, people.facilitator.id, teamId, { title: "Pick a queue <b>" });
    await fanOutAll(ctx.db, NOW);
    await moveTo(ctx.db, fx, "scoring");
    await fanOutAll(ctx.db, NOW);

    const member = await mine(people.member.id);
    expect(member.map((n) => n.kind)).toEqual(["weighting_opened", "scoring_opened"]);
    expect(member[1]!.title).toBe("Scoring opened on “Pick a queue <b>”: your scores are needed");
    expect(member[1]!.path).toBe(`/teams/${teamId}/decisions/${fx.decisionId}/scores`);
    expect((await mine(people.admin.id)).map((n) => n.kind)).toEqual(["weighting_opened", "scoring_opened"]);
    expect(await mine(people.viewer.id)).toEqual([]);
    expect(await mine(people.facilitator.id)).toEqual([]);

    await moveTo(ctx.db, fx, "decided");
    await fanOutAll(ctx.db, NOW);
    expect((await mine(people.viewer.id)).map((n) => n.kind)).toEqual(["results_revealed", "outcome_recorded"]);
    expect((await mine(people.member.id)).map((n) => n.kind)).toEqual(["weighting_opened", "scoring_opened", "results_revealed", "outcome_recorded"]);
  });

  test("a role change tells that person; email goes only to the kinds they chose", async () => {
    const { people, teamId } = await team();
    await setEmailKinds(ctx.db, people.member.id, { role_changed: true, scoring_opened: false });
    await setEmailKinds(ctx.db, people.viewer.id, { role_changed: false });
    await fanOutAll(ctx.db, NOW);
    await changeMemberRole(ctx.db, people.facilitator.id, { teamId, userId: people.member.id, role: "admin" });
    await changeMemberRole(ctx.db, people.facilitator.id, { teamId, userId: people.viewer.id, role: "member" });
    const result = await fanOutAll(ctx.db, NOW);
    expect(result.busy).toBe(false);

    const [memberNote] = await mine(people.member.id);
    const [viewerNote] = await mine(people.viewer.id);
    expect(memberNote).toMatchObject({ kind: "role_changed", path: `/teams/${teamId}` });
    expect(viewerNote).toMatchObject({ kind: "role_changed" });
    const queued = await ctx.db
      .select({ payload: jobs.payload })
      .from(jobs)
      .where(and(eq(jobs.kind, EMAIL_JOB), inArray(sql`(${jobs.payload}->>'notificationId')::bigint`, [memberNote!.id, viewerNote!.id])));
    expect(queued.map((j) => Number(j.payload.notificationId))).toEqual([memberNote!.id]);
  });

  test("the cursor resumes where it stopped: nothing twice, nothing lost, even when a step is repeated", async () => {
    const { people, teamId } = await team();
    await setEmailKinds(ctx.db, people.member.id, { weighting_opened: true });
    await fanOutAll(ctx.db, NOW);
    const [cursor] = await ctx.db.select().from(eventCursors).where(eq(eventCursors.name, NOTIFICATIONS_CURSOR));
    const before = cursor!.lastEventId;
    const fx = await createDecisionFixture(ctx.db, people.facilitator.id, teamId);
    await moveTo(ctx.db, fx, "weighting");
    // A step of one event at a time: the cursor moves in small steps, as across restarts.
    while ((await fanOutEvents(ctx.db, { batch: 1, gapWaitMs: 0 })).events > 0);
    // As if a server died after writing but before the cursor moved: the same events again.
    await ctx.db
      .update(eventCursors)
      .set({ lastEventId: Number(before) })
      .where(eq(eventCursors.name, NOTIFICATIONS_CURSOR));
    await fanOutAll(ctx.db, NOW);
    await Promise.all([fanOutAll(ctx.db, NOW), fanOutAll(ctx.db, NOW)]);

    const member = await mine(people.member.id);
    expect(member.map((n) => n.kind)).toEqual(["weighting_opened"]);
    const queued = await ctx.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(sql`(${jobs.payload}->>'notificationId')::bigint = ${member[0]!.id}`);
    expect(queued).toHaveLength(1);
  });

  test("a missing id is waited for from when a step first met it, whatever the next event's own time says", async () => {
    const { people, teamId } = await team();
    const fx = await createDecisionFixture(ctx.db, people.facilitator.id, teamId);
    await fanOutAll(ctx.db, NOW);
    // A hole in the ids right before the next event, as an insert still in flight leaves; the next
    // event is dated a day back, as a deadline recorded late is.
    await ctx.db.execute(sql`select nextval(pg_get_serial_sequence('events', 'id'))`);
    await appendEvent(ctx.db, {
      teamId,
      decisionId: fx.decisionId,
      actorId: null,
      type: "decision.phase_changed",
      payload: { from: "draft", to: "weighting", reason: "deadline" },
      at: new Date(Date.now() - 86_400_000),
    });
    expect((await fanOutAll(ctx.db, { gapWaitMs: 60_000 })).events).toBe(0);
    expect((await fanOutAll(ctx.db, { gapWaitMs: 60_000 })).events).toBe(0);
    expect(await mine(people.member.id)).toEqual([]);
    // Waited on long enough (here: 200 ms), the hole is a rolled-back insert and is passed over.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await fanOutAll(ctx.db, { gapWaitMs: 200 })).events).toBeGreaterThan(0);
    expect((await mine(people.member.id)).map((n) => n.kind)).toEqual(["weighting_opened"]);
    const [cursor] = await ctx.db.select().from(eventCursors).where(eq(eventCursors.name, NOTIFICATIONS_CURSOR));
    expect(cursor!.holeSince).toBeNull();
  });

  test("two workers claiming at once never take the same job", async () => {
    const kind = `test.${uniqueSuffix()}`;
    await enqueueJobs(
      ctx.db,
      Array.from({ length: 12 }, (_, i) => ({ kind, payload: { i } })),
    );
    async function worker() {
      const taken: number[] = [];
      for (;;) {
        const claimed = await ctx.db.transaction(async (tx) => {
          const rows = await claimJobs(tx, 3, 60_000);
          await new Promise((resolve) => setTimeout(resolve, 10)); // hold the locks a moment
          return rows;
        });
        if (claimed.length === 0) return taken;
        taken.push(...claimed.filter((j) => j.kind === kind).map((j) => j.id));
      }
    }
    const [a, b] = await Promise.all([worker(), worker()]);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect(a.length + b.length).toBe(12);
  });

  test("a failing job is retried later with its error kept; an email job sends the notification's email with a link", async () => {
    const { people, teamId } = await team();
    await setEmailKinds(ctx.db, people.member.id, { weighting_opened: true });
    await fanOutAll(ctx.db, NOW);
    const fx = await createDecisionFixture(ctx.db, people.facilitator.id, teamId, { title: `Mail & <test> ${uniqueSuffix()}` });
    await moveTo(ctx.db, fx, "weighting");
    await fanOutAll(ctx.db, NOW);
    const [note] = await mine(people.member.id);

    let failing = true;
    const sent: EmailMessage[] = [];
    const handler = emailJob(
      ctx.db,
      async (message) => {
        if (failing) throw new Error("SMTP down");
        sent.push(message);
      },
      "https://verdict.example",
    );
    const jobOf = async () =>
      (
        await ctx.db
          .select()
          .from(jobs)
          .where(sql`(${jobs.payload}->>'notificationId')::bigint = ${note!.id}`)
      )[0]!;
    await runDueJobs(ctx.db, { [EMAIL_JOB]: handler }, { limit: 100 });
    const failed = await jobOf();
    expect(failed).toMatchObject({ attempts: 1, lastError: "SMTP down", doneAt: null, lockedUntil: null });
    expect(failed.runAt.getTime()).toBeGreaterThan(Date.now() + 20_000);

    failing = false;
    await ctx.db
      .update(jobs)
      .set({ runAt: new Date(0) })
      .where(eq(jobs.id, failed.id));
    await runDueJobs(ctx.db, { [EMAIL_JOB]: handler }, { limit: 100 });
    expect((await jobOf()).doneAt).not.toBeNull();
    const mail = sent.find((m) => m.to === people.member.email)!;
    expect(mail.subject).toContain("Weighting opened on");
    expect(mail.text).toContain(`https://verdict.example/teams/${teamId}/decisions/${fx.decisionId}/weights`);
    expect(mail.html).toContain("Mail &amp; &lt;test&gt;");
    expect(mail.html).not.toContain("<test>");
  });
});
