import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { loadStructure } from "../../db/queries/decisions";
import type { DecisionStatus } from "../../lib/domain/phases";
import { AppError, ConflictError } from "../../lib/errors";
import type { EditDecisionInput } from "../../lib/validation/decision";
import {
  createDecisionFixture,
  type DecisionFixture,
  decideInput,
  decisionIn,
  draftInput,
  ensureCatalog,
  hoursAfter,
  moveTo,
  weightSheet,
} from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";
import { decisionRow, decisionState, eventsOfDecision, rejectionOf, rowsOf } from "../support/inspect";
import { advancePhase, createDecision, decide, editDecision, saveWeights, withdrawDecision, openNextRound, viewDecision } from "../support/use-cases";

describeEachDriver("decision phases", (ctx) => {
  let u: Record<"owner" | "facilitator", TestUser>;
  let teamId: string;

  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    u = await createUsers(ctx.db, ["owner", "facilitator"]);
    teamId = (await createTeamWith(ctx.db, { owner: u.owner, member: u.facilitator })).id;
  });

  const fresh = (overrides: Parameters<typeof draftInput>[1] = {}, now?: Date) => createDecisionFixture(ctx.db, u.facilitator.id, teamId, overrides, now);
  const ref = (fx: DecisionFixture) => ({ teamId: fx.teamId, decisionId: fx.decisionId });

  /** The id of the transaction that last wrote a row: equal for rows written in one transaction. */
  const writerOf = async (table: "decisions" | "events", id: string | number) =>
    rowsOf<{ xid: string }>(await ctx.db.execute(sql`select xmin::text as xid from ${sql.identifier(table)} where id = ${id}`))[0]?.xid;

  test("createDecision stores a draft with catalog options first, then custom ones, and logs decision.created", async () => {
    const fx = await fresh({
      frameworks: ["express", "koa"],
      customOptions: [{ name: "Our own", description: "Built in-house", link: "https://example.com/own" }],
      criteria: [
        { name: "Speed", description: "Requests per second" },
        { name: "Hiring", description: "" },
      ],
    });

    expect(fx.decision).toMatchObject({ status: "draft", version: 1, facilitatorId: u.facilitator.id, teamId, revealedAt: null, decidedAt: null });
    expect(fx.options.map((o) => [o.name, o.frameworkSlug, o.position])).toEqual([
      ["Express", "express", 0],
      ["Koa", "koa", 1],
      ["Our own", null, 2],
    ]);
    expect(fx.options[2]).toMatchObject({ description: "Built in-house", link: "https://example.com/own" });
    expect(fx.criteria.map((c) => [c.name, c.description, c.position])).toEqual([
      ["Speed", "Requests per second", 0],
      ["Hiring", "", 1],
    ]);
    const log = await eventsOfDecision(ctx.db, fx.decisionId);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ type: "decision.created", actorId: u.facilitator.id, teamId, payload: { title: fx.decision.title, anonymous: false } });
  });

  test("draft → weighting → scoring → revealed → decided: one phase_changed event per step, written in the step's transaction", async () => {
    const fx = await fresh();
    const base = new Date();
    const steps: [DecisionStatus, DecisionStatus][] = [
      ["draft", "weighting"],
      ["weighting", "scoring"],
      ["scoring", "revealed"],
    ];

    for (const [i, [from, to]] of steps.entries()) {
      const now = hoursAfter(base, i + 1);
      const before = await decisionRow(ctx.db, fx.decisionId);
      const eventsBefore = await eventsOfDecision(ctx.db, fx.decisionId);

      await expect(advancePhase(ctx.db, u.facilitator.id, { ...ref(fx), from }, now)).resolves.toBe(to);

      const after = await decisionRow(ctx.db, fx.decisionId);
      expect(after).toMatchObject({ status: to, version: before.version + 1, updatedAt: now, revealedAt: to === "revealed" ? now : null });
      const added = (await eventsOfDecision(ctx.db, fx.decisionId)).slice(eventsBefore.length);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        type: "decision.phase_changed",
        actorId: u.facilitator.id,
        createdAt: now,
        payload: { from, to, reason: "facilitator" },
      });
      expect(await writerOf("events", added[0]!.id)).toBe(await writerOf("decisions", fx.decisionId));
    }

    const decidedAt = hoursAfter(base, 10);
    await decide(ctx.db, u.facilitator.id, decideInput(fx, fx.options[1]!.id, { justification: "Nobody scored" }), decidedAt);
    expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "decided", decidedAt, version: 5 });
    const last = (await eventsOfDecision(ctx.db, fx.decisionId)).at(-1)!;
    expect(last).toMatchObject({ type: "decision.decided", actorId: u.facilitator.id, payload: { chosenOptionId: fx.options[1]!.id, topRanked: false } });
    expect(await writerOf("events", last.id)).toBe(await writerOf("decisions", fx.decisionId));
  });

  test.each([
    { status: "weighting", from: "draft" },
    { status: "scoring", from: "weighting" },
    { status: "scoring", from: "draft" },
    { status: "revealed", from: "scoring" },
    { status: "decided", from: "revealed" },
    { status: "withdrawn", from: "draft" },
  ] as const)("advancing a $status decision from a stale '$from' is a ConflictError and writes nothing", async ({ status, from }) => {
    const fx = await fresh();
    await moveTo(ctx.db, fx, status);
    const before = await decisionState(ctx.db, fx.decisionId);

    await expect(advancePhase(ctx.db, u.facilitator.id, { ...ref(fx), from })).rejects.toThrow(ConflictError);

    expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
  });

  test("a revealed decision does not advance by itself: deciding is a separate step", async () => {
    const fx = await decisionIn(ctx.db, "revealed", u.facilitator.id, teamId);
    const before = await decisionState(ctx.db, fx.decisionId);

    await expect(advancePhase(ctx.db, u.facilitator.id, { ...ref(fx), from: "revealed" })).rejects.toThrow(/Record the outcome/);

    expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
  });

  test("two people advancing the same phase at once: one wins, the other gets a ConflictError", async () => {
    const fx = await fresh();

    const results = await Promise.allSettled([
      advancePhase(ctx.db, u.facilitator.id, { ...ref(fx), from: "draft" }),
      advancePhase(ctx.db, u.owner.id, { ...ref(fx), from: "draft" }),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(ConflictError);
    expect((await decisionRow(ctx.db, fx.decisionId)).status).toBe("weighting");
    expect((await eventsOfDecision(ctx.db, fx.decisionId)).map((e) => e.type)).toEqual(["decision.created", "decision.phase_changed"]);
  });

  describe("editing", () => {
    const editInput = (fx: DecisionFixture, version: number, overrides: Partial<EditDecisionInput> = {}): EditDecisionInput => ({
      ...draftInput(teamId, {
        title: `${fx.decision.title} (edited)`,
        frameworks: ["koa"],
        customOptions: [{ name: "Delta", description: "New", link: null }],
        criteria: [{ name: "Safety", description: "Fewer incidents" }],
      }),
      decisionId: fx.decisionId,
      version,
      ...overrides,
    });

    test("in draft, editDecision replaces options and criteria, bumps the version and logs decision.edited", async () => {
      const fx = await fresh();
      const now = new Date();

      await editDecision(ctx.db, u.facilitator.id, editInput(fx, 1), now);

      expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ title: `${fx.decision.title} (edited)`, version: 2, updatedAt: now, status: "draft" });
      const structure = await loadStructure(ctx.db, fx.decisionId);
      expect(structure.options.map((o) => [o.name, o.frameworkSlug])).toEqual([
        ["Koa", "koa"],
        ["Delta", null],
      ]);
      expect(structure.criteria.map((c) => c.name)).toEqual(["Safety"]);
      expect((await eventsOfDecision(ctx.db, fx.decisionId)).at(-1)).toMatchObject({ type: "decision.edited", actorId: u.facilitator.id });
    });

    test("a stale version is a ConflictError and writes nothing", async () => {
      const fx = await fresh();
      await editDecision(ctx.db, u.facilitator.id, editInput(fx, 1));
      const before = await decisionState(ctx.db, fx.decisionId);
      const structure = await loadStructure(ctx.db, fx.decisionId);

      // Someone else's edit made it version 2; a form loaded at version 1 must not overwrite it.
      await expect(editDecision(ctx.db, u.owner.id, editInput(fx, 1, { title: "Overwritten" }))).rejects.toThrow(/Someone changed this decision/);

      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
      expect(await loadStructure(ctx.db, fx.decisionId)).toEqual(structure);
    });

    test.each(["weighting", "scoring", "revealed", "decided", "withdrawn"] as const)(
      "once %s, editDecision is a ConflictError even with the current version",
      async (status) => {
        const fx = await fresh();
        await moveTo(ctx.db, fx, status);
        const before = await decisionState(ctx.db, fx.decisionId);
        const structure = await loadStructure(ctx.db, fx.decisionId);

        const error = await rejectionOf(editDecision(ctx.db, u.facilitator.id, editInput(fx, before.decision.version)));

        expect(error).toBeInstanceOf(ConflictError);
        expect((error as Error).message).toContain("only be changed in draft");
        expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
        expect(await loadStructure(ctx.db, fx.decisionId)).toEqual(structure);
      },
    );
  });

  describe("withdrawing", () => {
    test.each(["draft", "weighting", "scoring", "revealed"] as const)("a %s decision can be withdrawn, with one event", async (status) => {
      const fx = await fresh();
      await moveTo(ctx.db, fx, status);
      const before = await decisionState(ctx.db, fx.decisionId);

      await withdrawDecision(ctx.db, u.facilitator.id, { ...ref(fx), reason: "Out of scope now" });

      expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "withdrawn", version: before.decision.version + 1 });
      const added = (await eventsOfDecision(ctx.db, fx.decisionId)).slice(before.eventIds.length);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ type: "decision.phase_changed", payload: { from: status, to: "withdrawn", reason: "Out of scope now" } });
    });

    test.each(["decided", "withdrawn"] as const)("a %s decision cannot be withdrawn", async (status) => {
      const fx = await fresh();
      await moveTo(ctx.db, fx, status);
      const before = await decisionState(ctx.db, fx.decisionId);

      await expect(withdrawDecision(ctx.db, u.facilitator.id, { ...ref(fx), reason: "" })).rejects.toThrow(ConflictError);

      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });
  });

  describe("deadlines", () => {
    // Created at `t0` with deadlines one and two hours later; every later call passes its own `now`.
    const withDeadlines = async () => {
      const t0 = new Date();
      const fx = await fresh({ weightingDeadline: hoursAfter(t0, 1), scoringDeadline: hoursAfter(t0, 2) }, t0);
      await moveTo(ctx.db, fx, "weighting", { now: t0 });
      return { fx, t0 };
    };
    const deadlineEvents = async (fx: DecisionFixture) =>
      (await eventsOfDecision(ctx.db, fx.decisionId)).filter((e) => (e.payload as { reason?: string }).reason === "deadline");

    test("before the weighting deadline nothing moves", async () => {
      const { fx, t0 } = await withDeadlines();

      const { decision, pendingTransitions } = await viewDecision(ctx.db, u.owner.id, ref(fx), "decision.view", hoursAfter(t0, 0.99));

      expect(decision.status).toBe("weighting");
      expect(pendingTransitions).toEqual([]);
      expect(await deadlineEvents(fx)).toEqual([]);
    });

    test("past the weighting deadline, a read shows scoring but writes nothing", async () => {
      const { fx, t0 } = await withDeadlines();
      const later = hoursAfter(t0, 1.5);

      const { decision, pendingTransitions } = await viewDecision(ctx.db, u.owner.id, ref(fx), "decision.view", later);

      expect(decision).toMatchObject({ status: "scoring", revealedAt: null });
      expect(pendingTransitions).toEqual([{ from: "weighting", to: "scoring", deadline: hoursAfter(t0, 1) }]);
      expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "weighting", version: 2 });
      expect(await deadlineEvents(fx)).toEqual([]);
    });

    test("the next write records the change first, dated at its deadline, with no actor", async () => {
      const { fx, t0 } = await withDeadlines();
      const later = hoursAfter(t0, 1.5);

      await withdrawDecision(ctx.db, u.facilitator.id, { ...ref(fx), reason: "" }, later);

      const applied = await deadlineEvents(fx);
      expect(applied).toHaveLength(1);
      expect(applied[0]).toMatchObject({
        type: "decision.phase_changed",
        actorId: null,
        createdAt: hoursAfter(t0, 1),
        payload: { from: "weighting", to: "scoring", reason: "deadline", deadline: hoursAfter(t0, 1).toISOString() },
      });
      const withdrawn = (await eventsOfDecision(ctx.db, fx.decisionId)).at(-1);
      expect(withdrawn).toMatchObject({ payload: { from: "scoring", to: "withdrawn" } });
    });

    test("past both deadlines, a read shows it revealed at the scoring deadline; concurrent writes record the two changes once", async () => {
      const { fx, t0 } = await withDeadlines();
      const later = hoursAfter(t0, 3);

      const read = await viewDecision(ctx.db, u.facilitator.id, ref(fx), "decision.view", later);
      expect(read.decision).toMatchObject({ status: "revealed", revealedAt: hoursAfter(t0, 2) });

      // Four clicks on "open another round": one opens round 2, the others find it open.
      const clicks = await Promise.allSettled(Array.from({ length: 4 }, () => openNextRound(ctx.db, u.facilitator.id, { ...ref(fx), round: 1 }, later)));

      expect(clicks.filter((c) => c.status === "fulfilled")).toHaveLength(1);
      expect((await deadlineEvents(fx)).map((e) => e.payload)).toEqual([
        { from: "weighting", to: "scoring", reason: "deadline", deadline: hoursAfter(t0, 1).toISOString() },
        { from: "scoring", to: "revealed", reason: "deadline", deadline: hoursAfter(t0, 2).toISOString() },
      ]);
      expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "scoring", currentRound: 2, revealedAt: hoursAfter(t0, 2) });
    });

    test("many readers at once past the deadline write nothing", async () => {
      const { fx, t0 } = await withDeadlines();
      const later = hoursAfter(t0, 1.5);

      const reads = await Promise.all(Array.from({ length: 8 }, () => viewDecision(ctx.db, u.owner.id, ref(fx), "decision.view", later)));

      expect(reads.map((r) => r.decision.status)).toEqual(Array(8).fill("scoring"));
      expect(await deadlineEvents(fx)).toHaveLength(0);
      expect((await decisionRow(ctx.db, fx.decisionId)).version).toBe(2);
    });

    test("a write at a `now` past the deadline sees the phase closed, even if nobody read the decision in between", async () => {
      const { fx, t0 } = await withDeadlines();

      await expect(saveWeights(ctx.db, u.facilitator.id, weightSheet(fx, [5, 5]), hoursAfter(t0, 1.5))).rejects.toThrow(ConflictError);
      await expect(advancePhase(ctx.db, u.facilitator.id, { ...ref(fx), from: "weighting" }, hoursAfter(t0, 1.5))).rejects.toThrow(ConflictError);

      // A refused write leaves no trace, not even the deadline's change: the next write that succeeds records it.
      expect((await decisionRow(ctx.db, fx.decisionId)).status).toBe("weighting");
      expect(await deadlineEvents(fx)).toHaveLength(0);
      await expect(advancePhase(ctx.db, u.facilitator.id, { ...ref(fx), from: "scoring" }, hoursAfter(t0, 1.5))).resolves.toBe("revealed");
      expect(await deadlineEvents(fx)).toHaveLength(1);
    });

    test.each([
      { name: "a weighting deadline in the past", weighting: -1, scoring: null, errors: { weightingDeadline: "Pick a time in the future" } },
      { name: "a weighting deadline of exactly now", weighting: 0, scoring: null, errors: { weightingDeadline: "Pick a time in the future" } },
      { name: "a scoring deadline in the past", weighting: null, scoring: -2, errors: { scoringDeadline: "Pick a time in the future" } },
      { name: "scoring closing before weighting", weighting: 2, scoring: 1, errors: { scoringDeadline: "Scoring must close after weighting closes" } },
      { name: "scoring closing with weighting", weighting: 2, scoring: 2, errors: { scoringDeadline: "Scoring must close after weighting closes" } },
      {
        name: "both in the past",
        weighting: -2,
        scoring: -1,
        errors: { weightingDeadline: "Pick a time in the future", scoringDeadline: "Pick a time in the future" },
      },
    ])("createDecision rejects $name with fieldErrors and writes nothing", async ({ weighting, scoring, errors }) => {
      const now = new Date();
      const input = draftInput(teamId, {
        weightingDeadline: weighting === null ? null : hoursAfter(now, weighting),
        scoringDeadline: scoring === null ? null : hoursAfter(now, scoring),
      });
      const error = await rejectionOf(createDecision(ctx.db, u.facilitator.id, input, now));

      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fieldErrors).toEqual(errors);
      const [row] = rowsOf<{ n: number }>(await ctx.db.execute(sql`select count(*)::int as n from decisions where title = ${input.title}`));
      expect(row?.n).toBe(0);
    });
  });
});
