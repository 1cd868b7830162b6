import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { decisions, notifications } from "../../db/schema";
import type { DbHandle } from "../../db/client";
import { applyDueDeadlines } from "../../lib/services/deadline-jobs";
import { startWorker } from "../../lib/worker";
import { createDecisionFixture, type DecisionFixture, ensureCatalog, hoursAfter, moveTo } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { fanOutSettled } from "../support/fan-out";
import { createTeamWith, createUsers } from "../support/factories";
import { decisionRow, eventsOfDecision } from "../support/inspect";

describeEachDriver("deadline jobs", (ctx) => {
  beforeAll(() => ensureCatalog(ctx.db));

  /** A decision in weighting since `t0`, closing weighting an hour later and scoring two hours later. */
  async function weighting() {
    const t0 = new Date();
    const people = await createUsers(ctx.db, ["facilitator", "member"]);
    const team = await createTeamWith(ctx.db, { owner: people.facilitator, member: people.member });
    const fx = await createDecisionFixture(
      ctx.db,
      people.facilitator.id,
      team.id,
      { weightingDeadline: hoursAfter(t0, 1), scoringDeadline: hoursAfter(t0, 2) },
      t0,
    );
    await moveTo(ctx.db, fx, "weighting", { now: t0 });
    return { t0, people, teamId: team.id, fx };
  }
  const deadlineEvents = async (fx: DecisionFixture) =>
    (await eventsOfDecision(ctx.db, fx.decisionId)).filter((e) => (e.payload as { reason?: string }).reason === "deadline");

  test("before the deadline nothing moves", async () => {
    const { t0, teamId, fx } = await weighting();
    expect(await applyDueDeadlines(ctx.db, { now: hoursAfter(t0, 0.99), teamId })).toBe(0);
    expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "weighting" });
    expect(await deadlineEvents(fx)).toEqual([]);
  });

  test("past the deadline the job moves the phase without any read, dated at the deadline, once; the members are told", async () => {
    const { t0, people, teamId, fx } = await weighting();
    await fanOutSettled(ctx.db);

    expect(await applyDueDeadlines(ctx.db, { now: hoursAfter(t0, 1.5), teamId })).toBe(1);
    expect(await applyDueDeadlines(ctx.db, { now: hoursAfter(t0, 1.6), teamId })).toBe(0);

    expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "scoring", version: 3 });
    const applied = await deadlineEvents(fx);
    expect(applied).toHaveLength(1);
    expect(applied[0]).toMatchObject({
      type: "decision.phase_changed",
      actorId: null,
      createdAt: hoursAfter(t0, 1),
      payload: { from: "weighting", to: "scoring", reason: "deadline", deadline: hoursAfter(t0, 1).toISOString() },
    });

    await fanOutSettled(ctx.db);
    const told = await ctx.db
      .select({ userId: notifications.userId, kind: notifications.kind })
      .from(notifications)
      .where(and(inArray(notifications.userId, [people.member.id, people.facilitator.id]), eq(notifications.kind, "scoring_opened")));
    // A deadline has no actor, so every voter is told, the facilitator too.
    expect(told.map((n) => n.userId).sort()).toEqual([people.member.id, people.facilitator.id].sort());
  });

  test("past both deadlines the job goes through scoring to revealed, revealed at the scoring deadline", async () => {
    const { t0, teamId, fx } = await weighting();
    expect(await applyDueDeadlines(ctx.db, { now: hoursAfter(t0, 3), teamId })).toBe(1);
    expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "revealed", revealedAt: hoursAfter(t0, 2) });
    expect((await deadlineEvents(fx)).map((e) => [e.payload.to, e.createdAt.toISOString()])).toEqual([
      ["scoring", hoursAfter(t0, 1).toISOString()],
      ["revealed", hoursAfter(t0, 2).toISOString()],
    ]);
  });

  test("several workers racing record each change once", async () => {
    const { t0, teamId, fx } = await weighting();
    const now = hoursAfter(t0, 3);
    const moved = await Promise.all(Array.from({ length: 4 }, () => applyDueDeadlines(ctx.db, { now, teamId })));
    expect(moved.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await deadlineEvents(fx)).toHaveLength(2);
    expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "revealed" });
  });

  test.runIf(ctx.driver === "postgres")("a decision a write holds is left to that write, and moved by a later step", async () => {
    const { t0, teamId, fx } = await weighting();
    const now = hoursAfter(t0, 1.5);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const writer = ctx.db.transaction(async (tx) => {
      await tx.select().from(decisions).where(eq(decisions.id, fx.decisionId)).for("update");
      locked();
      await held;
    });
    await isLocked;
    try {
      expect(await applyDueDeadlines(ctx.db, { now, teamId })).toBe(0);
    } finally {
      release();
      await writer;
    }
    expect(await applyDueDeadlines(ctx.db, { now, teamId })).toBe(1);
    expect(await deadlineEvents(fx)).toHaveLength(1);
  });

  test("the worker's own step, on the real clock, moves a decision whose deadline passed an hour ago and tells the member", async () => {
    // Made two hours ago (its deadlines were in the future then); nobody has read it since.
    const t0 = hoursAfter(new Date(), -2);
    const people = await createUsers(ctx.db, ["facilitator", "member"]);
    const team = await createTeamWith(ctx.db, { owner: people.facilitator, member: people.member });
    const fx = await createDecisionFixture(
      ctx.db,
      people.facilitator.id,
      team.id,
      { weightingDeadline: hoursAfter(t0, 1), scoringDeadline: hoursAfter(t0, 5) },
      t0,
    );
    await moveTo(ctx.db, fx, "weighting", { now: t0 });
    const worker = startWorker(async () => ({ db: ctx.db, listen: ctx.listen }) as DbHandle, { intervalMs: 3_600_000, mailer: async () => {} });
    try {
      const until = Date.now() + 10_000;
      const told = () =>
        ctx.db
          .select({ kind: notifications.kind })
          .from(notifications)
          .where(and(eq(notifications.userId, people.member.id), eq(notifications.kind, "scoring_opened")));
      while ((await told()).length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await told()).toHaveLength(1);
    } finally {
      await worker.stop();
    }
    expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "scoring" });
    expect((await deadlineEvents(fx)).map((e) => e.createdAt)).toEqual([hoursAfter(t0, 1)]);
  });
});
