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
import { fanOutSettled } from "../support/fan-out";
import { createTeamWith, createUsers, uniqueSuffix } from "../support/factories";
import { changeMemberRole } from "../support/use-cases";

// Every test here fans out the whole events table after the cursor (which other tests also
// append to) and checks only its own people's notifications.

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
    await fanOutSettled(ctx.db);
    await moveTo(ctx.db, fx, "scoring");
    await fanOutSettled(ctx.db);

    const member = await mine(people.member.id);
    expect(member.map((n) => n.kind)).toEqual(["weighting_opened", "scoring_opened"]);
    expect(member[1]!.title).toBe("Scoring opened on “Pick a queue <b>”: your scores are needed");
    expect(member[1]!.path).toBe(`/teams/${teamId}/decisions/${fx.decisionId}/scores`);
    expect((await mine(people.admin.id)).map((n) => n.kind)).toEqual(["weighting_opened", "scoring_opened"]);
    expect(await mine(people.viewer.id)).toEqual([]);
    expect(await mine(people.facilitator.id)).toEqual([]);

    await moveTo(ctx.db, fx, "decided");
    await fanOutSettled(ctx.db);
    expect((await mine(people.viewer.id)).map((n) => n.kind)).toEqual(["results_revealed", "outcome_recorded"]);
    expect((await mine(people.member.id)).map((n) => n.kind)).toEqual(["weighting_opened", "scoring_opened", "results_revealed", "outcome_recorded"]);
  });

  test("a role change tells that person; email goes only to the kinds they chose", async () => {
    const { people, teamId } = await team();
    await setEmailKinds(ctx.db, people.member.id, { role_changed: true, scoring_opened: false });
    await setEmailKinds(ctx.db, people.viewer.id, { role_changed: false });
    await fanOutSettled(ctx.db);
    await changeMemberRole(ctx.db, people.facilitator.id, { teamId, userId: people.member.id, role: "admin" });
    await changeMemberRole(ctx.db, people.facilitator.id, { teamId, userId: people.viewer.id, role: "member" });
    const result = await fanOutSettled(ctx.db);
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
    await fanOutSettled(ctx.db);
    const [cursor] = await ctx.db.select().from(eventCursors).where(eq(eventCursors.name, NOTIFICATIONS_CURSOR));
    const before = { lastTxid: cursor!.lastTxid, lastEventId: cursor!.lastEventId };
    const fx = await createDecisionFixture(ctx.db, people.facilitator.id, teamId);
    await moveTo(ctx.db, fx, "weighting");
    // A step of one event at a time: the cursor moves in small steps, as across restarts.
    while ((await fanOutEvents(ctx.db, { batch: 1 })).events > 0 || (await fanOutSettled(ctx.db)).events > 0);
    // As if a server died after writing but before the cursor moved: the same events again.
    await ctx.db
      .update(eventCursors)
      .set({ lastTxid: sql`${before.lastTxid}::xid8`, lastEventId: before.lastEventId })
      .where(eq(eventCursors.name, NOTIFICATIONS_CURSOR));
    await fanOutSettled(ctx.db);
    await Promise.all([fanOutSettled(ctx.db), fanOutSettled(ctx.db)]);

    const member = await mine(people.member.id);
    expect(member.map((n) => n.kind)).toEqual(["weighting_opened"]);
    const queued = await ctx.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(sql`(${jobs.payload}->>'notificationId')::bigint = ${member[0]!.id}`);
    expect(queued).toHaveLength(1);
  });

  test("an event insert that rolled back holds nobody up, and the next event is told at once", async () => {
    const { people, teamId } = await team();
    const fx = await createDecisionFixture(ctx.db, people.facilitator.id, teamId);
    await fanOutSettled(ctx.db);
    // Leaves an id that will never be used, right before the next event.
    await ctx.db
      .transaction(async (tx) => {
        await appendEvent(tx, {
          teamId,
          decisionId: fx.decisionId,
          actorId: null,
          type: "decision.phase_changed",
          payload: { from: "draft", to: "weighting" },
        });
        throw new Error("rolled back");
      })
      .catch(() => {});
    await moveTo(ctx.db, fx, "weighting");
    await fanOutSettled(ctx.db, 5_000);
    expect((await mine(people.member.id)).map((n) => n.kind)).toEqual(["weighting_opened"]);
  });

  test("an event committed after one with a higher id is still told, once", async () => {
    if (ctx.driver === "pglite") return; // one connection: no two transactions at once
    const { people, teamId } = await team();
    // Two teams: within one team the history chain makes event inserts take turns.
    const otherTeamId = (await createTeamWith(ctx.db, { owner: people.facilitator, member: people.member })).id;
    const first = await createDecisionFixture(ctx.db, people.facilitator.id, teamId, { title: "First" });
    const second = await createDecisionFixture(ctx.db, people.facilitator.id, otherTeamId, { title: "Second" });
    await fanOutSettled(ctx.db);
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let inserted!: () => void;
    const insertedFirst = new Promise<void>((resolve) => (inserted = resolve));
    const opened = (decisionId: string, team: string) => ({
      teamId: team,
      decisionId,
      actorId: null,
      type: "decision.phase_changed" as const,
      payload: { from: "draft", to: "weighting" },
    });
    // The first decision's event takes its id now and commits only after the second's.
    const slow = ctx.db.transaction(async (tx) => {
      await appendEvent(tx, opened(first.decisionId, teamId));
      inserted();
      await held;
    });
    try {
      await insertedFirst;
      await appendEvent(ctx.db, opened(second.decisionId, otherTeamId));
      const meanwhile = await fanOutAll(ctx.db);
      expect(meanwhile.busy || meanwhile.waiting).toBe(true);
      expect(await mine(people.member.id)).toEqual([]);
    } finally {
      commit();
      await slow;
    }
    await fanOutSettled(ctx.db);
    await fanOutSettled(ctx.db);
    expect((await mine(people.member.id)).map((n) => n.title).sort()).toEqual([
      "Weighting opened on “First”: your weights are needed",
      "Weighting opened on “Second”: your weights are needed",
    ]);
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
          const rows = await claimJobs(tx, 3, 60_000, [kind]);
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
    await fanOutSettled(ctx.db);
    const fx = await createDecisionFixture(ctx.db, people.facilitator.id, teamId, { title: `Mail & <test> ${uniqueSuffix()}` });
    await moveTo(ctx.db, fx, "weighting");
    await fanOutSettled(ctx.db);
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
