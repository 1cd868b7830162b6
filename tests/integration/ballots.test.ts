import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import type { DecisionStatus } from "../../lib/domain/phases";
import { AppError, ConflictError } from "../../lib/errors";
import {
  type CellSpec,
  createDecisionFixture,
  type DecisionFixture,
  decisionIn,
  ensureCatalog,
  hoursAfter,
  moveTo,
  scoreSheet,
  weightSheet,
} from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";
import { ballotsRows, decisionState, eventsOfDecision, rejectionOf, scoresOf, weightsOf } from "../support/inspect";
import { advancePhase, saveScores, saveWeights } from "../support/use-cases";

const THREE_CRITERIA = {
  criteria: [
    { name: "Speed", description: "" },
    { name: "Cost", description: "" },
    { name: "Safety", description: "" },
  ],
};

describeEachDriver("ballots", (ctx) => {
  let u: Record<"facilitator" | "ana" | "ben" | "cleo", TestUser>;
  let teamId: string;

  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    u = await createUsers(ctx.db, ["facilitator", "ana", "ben", "cleo"]);
    teamId = (await createTeamWith(ctx.db, { owner: u.facilitator, member: [u.ana, u.ben, u.cleo] })).id;
  });

  const inPhase = (status: DecisionStatus, overrides = {}) => decisionIn(ctx.db, status, u.facilitator.id, teamId, overrides);
  const eventTypes = async (fx: DecisionFixture) => (await eventsOfDecision(ctx.db, fx.decisionId)).map((e) => e.type);
  const weightValues = async (fx: DecisionFixture, userId: string) => {
    const rows = await weightsOf(ctx.db, fx.decisionId, userId);
    return fx.criteria.map((c) => rows.find((r) => r.criterionId === c.id)?.weight);
  };
  /** A member's score rows as "option/criterion=score", in display order. */
  const scoreCells = async (fx: DecisionFixture, userId: string) => {
    const rows = await scoresOf(ctx.db, fx.decisionId, userId);
    const label = (r: { optionId: string; criterionId: string }) =>
      `${fx.options.findIndex((o) => o.id === r.optionId)}/${fx.criteria.findIndex((c) => c.id === r.criterionId)}`;
    return rows.map((r) => `${label(r)}=${r.score}`).sort();
  };
  const cellsOf = (specs: readonly CellSpec[]) =>
    specs
      .filter((c) => c.score !== undefined)
      .map((c) => `${c.option}/${c.criterion}=${c.score}`)
      .sort();

  describe("weights", () => {
    test("every criterion needs a weight: the missing ones come back as weights.<id> field errors", async () => {
      const fx = await inPhase("weighting", THREE_CRITERIA);
      const before = await decisionState(ctx.db, fx.decisionId);
      const [first, second, third] = fx.criteria.map((c) => c.id);

      const error = await rejectionOf(saveWeights(ctx.db, u.ana.id, { teamId, decisionId: fx.decisionId, weights: { [first!]: 4 } }));

      expect(error).toBeInstanceOf(AppError);
      expect(error).not.toBeInstanceOf(ConflictError);
      expect(Object.keys((error as AppError).fieldErrors).sort()).toEqual([`weights.${second}`, `weights.${third}`].sort());
      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });

    test.each([
      ["a made-up id", () => randomUUID()],
      ["another decision's criterion", async () => (await inPhase("draft")).criteria[0]!.id],
      // One uuid to the database, but not an id the decision's form names: it would weigh a criterion twice.
      ["one of its criteria's ids in capitals", (fx: DecisionFixture) => fx.criteria[0]!.id.toUpperCase()],
    ] as const)("a sheet naming %s is refused and writes nothing", async (_label, foreignId) => {
      const fx = await inPhase("weighting");
      const before = await decisionState(ctx.db, fx.decisionId);
      const sheet = weightSheet(fx, [3, 4]);

      const error = await rejectionOf(saveWeights(ctx.db, u.ana.id, { ...sheet, weights: { ...sheet.weights, [await foreignId(fx)]: 5 } }));

      expect(error).toBeInstanceOf(AppError);
      expect((error as Error).message).toContain("criterion this decision does not have");
      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });

    test("a sheet that names an unknown criterion and leaves the others out is refused for the unknown one", async () => {
      const fx = await inPhase("weighting");
      const before = await decisionState(ctx.db, fx.decisionId);

      const error = await rejectionOf(saveWeights(ctx.db, u.ana.id, { teamId, decisionId: fx.decisionId, weights: { [randomUUID()]: 5 } }));

      expect((error as Error).message).toContain("criterion this decision does not have");
      expect((error as AppError).fieldErrors).toEqual({});
      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });

    test("saving again updates in place: one row per criterion and member, weights.submitted then weights.updated", async () => {
      const fx = await inPhase("weighting", THREE_CRITERIA);
      const t0 = new Date();

      await expect(saveWeights(ctx.db, u.ana.id, weightSheet(fx, [1, 2, 3]), t0)).resolves.toEqual({ firstTime: true });
      await expect(saveWeights(ctx.db, u.ana.id, weightSheet(fx, [10, 0, 7]), hoursAfter(t0, 0.1))).resolves.toEqual({ firstTime: false });
      await saveWeights(ctx.db, u.ben.id, weightSheet(fx, [5, 5, 5]), hoursAfter(t0, 0.2));

      expect(await weightsOf(ctx.db, fx.decisionId, u.ana.id)).toHaveLength(3);
      expect(await weightValues(fx, u.ana.id)).toEqual([10, 0, 7]);
      expect(await weightValues(fx, u.ben.id)).toEqual([5, 5, 5]);
      expect((await eventTypes(fx)).filter((t) => t.startsWith("weights."))).toEqual(["weights.submitted", "weights.updated", "weights.submitted"]);
      const anaBallot = (await ballotsRows(ctx.db, fx.decisionId)).filter((b) => b.userId === u.ana.id);
      expect(anaBallot).toEqual([expect.objectContaining({ kind: "weights", submittedAt: t0, updatedAt: hoursAfter(t0, 0.1) })]);
    });

    test.each(["draft", "scoring", "revealed", "withdrawn"] as const)("in %s, saveWeights is a ConflictError and writes nothing", async (status) => {
      const fx = await inPhase(status);
      const before = await decisionState(ctx.db, fx.decisionId);

      await expect(saveWeights(ctx.db, u.ana.id, weightSheet(fx, [3, 4]))).rejects.toThrow(ConflictError);

      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });
  });

  describe("scores", () => {
    test("a partial sheet is fine; clearing a cell deletes it (missing, not zero)", async () => {
      const fx = await inPhase("scoring");

      const first = await saveScores(
        ctx.db,
        u.ana.id,
        scoreSheet(fx, [
          { option: 0, criterion: 0, score: 5 },
          { option: 1, criterion: 1, score: 2 },
        ]),
      );
      expect(first).toEqual({ firstTime: true, cells: 2 });
      expect(await scoreCells(fx, u.ana.id)).toEqual(["0/0=5", "1/1=2"]);

      const second = await saveScores(
        ctx.db,
        u.ana.id,
        scoreSheet(fx, [
          { option: 0, criterion: 0 },
          { option: 1, criterion: 1, score: 3, comment: "Better than I thought", evidence: "https://example.com/notes" },
          { option: 2, criterion: 0, score: 1 },
        ]),
      );
      expect(second).toEqual({ firstTime: false, cells: 2 });

      const rows = await scoresOf(ctx.db, fx.decisionId, u.ana.id);
      expect(await scoreCells(fx, u.ana.id)).toEqual(["1/1=3", "2/0=1"]);
      expect(rows.find((r) => r.optionId === fx.options[1]!.id)).toMatchObject({ comment: "Better than I thought", evidenceUrl: "https://example.com/notes" });
      expect((await eventsOfDecision(ctx.db, fx.decisionId)).filter((e) => e.type.startsWith("scores.")).map((e) => [e.type, e.payload])).toEqual([
        // Only that a sheet was submitted or updated: a count would show progress before the reveal.
        ["scores.submitted", {}],
        ["scores.updated", {}],
      ]);
    });

    test("clearing cells touches only the caller's own scores", async () => {
      const fx = await inPhase("scoring");
      await saveScores(
        ctx.db,
        u.ben.id,
        scoreSheet(fx, [
          { option: 0, criterion: 0, score: 4 },
          { option: 2, criterion: 1, score: 3 },
        ]),
      );
      await saveScores(ctx.db, u.ana.id, scoreSheet(fx, [{ option: 0, criterion: 0, score: 1 }]));
      await saveScores(ctx.db, u.ana.id, scoreSheet(fx, [{ option: 1, criterion: 0, score: 2 }]));

      expect(await scoreCells(fx, u.ana.id)).toEqual(["1/0=2"]);
      expect(await scoreCells(fx, u.ben.id)).toEqual(["0/0=4", "2/1=3"]);
    });

    test.each([
      { label: "a comment", cell: { option: 1, criterion: 0, comment: "No score here" } },
      { label: "an evidence link", cell: { option: 1, criterion: 0, evidence: "https://example.com/x" } },
    ])("$label without a score is an AppError on that cell's score field, and nothing is written", async ({ cell }) => {
      const fx = await inPhase("scoring");
      await saveScores(ctx.db, u.ana.id, scoreSheet(fx, [{ option: 0, criterion: 0, score: 3 }]));
      const before = await decisionState(ctx.db, fx.decisionId);

      const error = await rejectionOf(saveScores(ctx.db, u.ana.id, scoreSheet(fx, [{ option: 0, criterion: 0, score: 5 }, cell])));

      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fieldErrors).toEqual({ [`scores.${fx.options[1]!.id}.${fx.criteria[0]!.id}.score`]: expect.any(String) });
      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });

    test("a cell naming another decision's option is refused", async () => {
      const fx = await inPhase("scoring");
      const other = await inPhase("draft");
      const before = await decisionState(ctx.db, fx.decisionId);
      const sheet = scoreSheet(fx, [{ option: 0, criterion: 0, score: 3 }]);
      sheet.cells.push({ optionId: other.options[0]!.id, criterionId: fx.criteria[0]!.id, score: 2, comment: "", evidence: null });

      await expect(saveScores(ctx.db, u.ana.id, sheet)).rejects.toThrow(/option or criterion this decision does not have/);

      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });

    test("a blank cell naming another decision's criterion is refused too", async () => {
      const fx = await inPhase("scoring");
      const other = await inPhase("draft");
      const before = await decisionState(ctx.db, fx.decisionId);
      const sheet = scoreSheet(fx, [{ option: 0, criterion: 0, score: 3 }]);
      sheet.cells.push({ optionId: fx.options[0]!.id, criterionId: other.criteria[0]!.id, score: undefined, comment: "", evidence: null });

      await expect(saveScores(ctx.db, u.ana.id, sheet)).rejects.toThrow(/option or criterion this decision does not have/);

      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });

    test("a cell named twice (its ids once in capitals) is refused, not a database error, and writes nothing", async () => {
      const fx = await inPhase("scoring");
      const before = await decisionState(ctx.db, fx.decisionId);
      const sheet = scoreSheet(fx, [{ option: 0, criterion: 0, score: 3 }]);
      sheet.cells.push({ optionId: fx.options[0]!.id.toUpperCase(), criterionId: fx.criteria[0]!.id.toUpperCase(), score: 5, comment: "", evidence: null });

      const error = await rejectionOf(saveScores(ctx.db, u.ana.id, sheet));

      expect(error).toBeInstanceOf(AppError);
      expect((error as Error).message).toMatch(/option or criterion this decision does not have/);
      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });

    test.each(["draft", "weighting", "revealed", "withdrawn"] as const)("in %s, saveScores is a ConflictError and writes nothing", async (status) => {
      const fx = await inPhase(status);
      const before = await decisionState(ctx.db, fx.decisionId);

      await expect(saveScores(ctx.db, u.ana.id, scoreSheet(fx, [{ option: 0, criterion: 0, score: 3 }]))).rejects.toThrow(ConflictError);

      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });
  });

  describe("concurrency", () => {
    const N = 20;

    test(`${N} parallel weight saves by one member leave exactly one of the submitted sheets, and one weights.submitted`, async () => {
      const fx = await inPhase("weighting", THREE_CRITERIA);
      const t0 = new Date();
      // Pairwise different sheets, each stamped with its own `now` so its rows can be recognised.
      const sheets = Array.from({ length: N }, (_, i) => [i % 11, Math.floor(i / 11) * 5, (i * 7) % 11]);
      expect(new Set(sheets.map((values) => values.join())).size).toBe(N);
      const stamps = sheets.map((_, i) => hoursAfter(t0, i / 100));

      const results = await Promise.allSettled(sheets.map((values, i) => saveWeights(ctx.db, u.ana.id, weightSheet(fx, values), stamps[i])));

      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
      const rows = await weightsOf(ctx.db, fx.decisionId, u.ana.id);
      expect(rows).toHaveLength(3);
      const final = await weightValues(fx, u.ana.id);
      const winner = sheets.findIndex((values) => values.every((v, i) => v === final[i]));
      expect(winner, `final weights ${JSON.stringify(final)} match no submitted sheet`).toBeGreaterThanOrEqual(0);
      // A weight is rewritten only when its value changes, so its time is that of a save that
      // wrote this value for this criterion, not necessarily the winner's.
      for (const row of rows) {
        const criterion = fx.criteria.findIndex((c) => c.id === row.criterionId);
        const writers = sheets.flatMap((values, i) => (values[criterion] === row.weight ? [stamps[i]!.getTime()] : []));
        expect(writers).toContain(row.updatedAt.getTime());
      }
      const types = await eventTypes(fx);
      expect(types.filter((t) => t === "weights.submitted")).toHaveLength(1);
      expect(types.filter((t) => t === "weights.updated")).toHaveLength(N - 1);
      expect(results.filter((r) => r.status === "fulfilled" && r.value.firstTime)).toHaveLength(1);
      expect(await ballotsRows(ctx.db, fx.decisionId)).toHaveLength(1);
    });

    test(`${N} parallel score saves by one member leave exactly one of the submitted sheets, and one scores.submitted`, async () => {
      const fx = await inPhase("scoring");
      const t0 = new Date();
      // Sheets of different shapes, many of them disjoint, so a save that clears cells races one that fills others.
      const sheets: CellSpec[][] = Array.from({ length: N }, (_, i) => {
        const cell = i % 6;
        const cells: CellSpec[] = [{ option: Math.floor(cell / 2), criterion: cell % 2, score: (i % 5) + 1 }];
        if (i % 3 === 0) cells.push({ option: Math.floor(((cell + 3) % 6) / 2), criterion: ((cell + 3) % 6) % 2, score: Math.floor(i / 6) + 1 });
        return cells;
      });
      expect(new Set(sheets.map((cells) => cellsOf(cells).join())).size).toBe(N);
      const stamps = sheets.map((_, i) => hoursAfter(t0, i / 100));

      const results = await Promise.allSettled(sheets.map((cells, i) => saveScores(ctx.db, u.ana.id, scoreSheet(fx, cells), stamps[i])));

      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
      const final = await scoreCells(fx, u.ana.id);
      const winner = sheets.findIndex((cells) => JSON.stringify(cellsOf(cells)) === JSON.stringify(final));
      expect(winner, `final cells ${JSON.stringify(final)} match no submitted sheet`).toBeGreaterThanOrEqual(0);
      const rows = await scoresOf(ctx.db, fx.decisionId, u.ana.id);
      // As for weights: a cell's time is that of a save that wrote this score there.
      for (const row of rows) {
        const option = fx.options.findIndex((o) => o.id === row.optionId);
        const criterion = fx.criteria.findIndex((c) => c.id === row.criterionId);
        const writers = sheets.flatMap((cells, i) =>
          cells.some((c) => c.option === option && c.criterion === criterion && c.score === row.score) ? [stamps[i]!.getTime()] : [],
        );
        expect(writers).toContain(row.updatedAt.getTime());
      }
      const types = await eventTypes(fx);
      expect(types.filter((t) => t === "scores.submitted")).toHaveLength(1);
      expect(types.filter((t) => t === "scores.updated")).toHaveLength(N - 1);
    });

    test.each([
      { kind: "weights", open: "weighting", next: "scoring" },
      { kind: "scores", open: "scoring", next: "revealed" },
    ] as const)("a phase change racing with $kind saves: no save lands after the phase closed", async ({ kind, open, next }) => {
      const fx = await inPhase(open);
      const voters = [u.ana, u.ben, u.cleo];
      const save = (i: number) => {
        const voter = voters[i % voters.length]!;
        return kind === "weights"
          ? saveWeights(ctx.db, voter.id, weightSheet(fx, [i % 11, (i + 3) % 11]))
          : saveScores(ctx.db, voter.id, scoreSheet(fx, [{ option: i % 3, criterion: i % 2, score: (i % 5) + 1 }]));
      };

      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      // Each voter saves again and again, one save after the other; the phase changes mid-stream.
      const stream = async (v: number) => {
        const results: PromiseSettledResult<unknown>[] = [];
        for (let i = v; i < 24; i += voters.length) {
          results.push(...(await Promise.allSettled([save(i)])));
          await pause(2);
        }
        return results;
      };
      const [moved, outcomes] = await Promise.all([
        pause(20).then(() => advancePhase(ctx.db, u.facilitator.id, { teamId, decisionId: fx.decisionId, from: open })),
        Promise.all(voters.map((_, v) => stream(v))).then((r) => r.flat()),
      ]);

      expect(moved).toBe(next);
      const failures = outcomes.filter((r) => r.status === "rejected").map((r) => r.reason);
      for (const failure of failures) expect(failure).toBeInstanceOf(ConflictError);
      const log = await eventsOfDecision(ctx.db, fx.decisionId);
      const closed = log.find((e) => e.type === "decision.phase_changed" && (e.payload as { from?: string }).from === open)!;
      const saved = log.filter((e) => e.type.startsWith(`${kind}.`));
      // Event ids are taken inside each transaction, so they order the writes themselves (timestamps are
      // each call's `now`, taken before it waits for the lock). Every accepted save wrote its event
      // before the phase changed; every refused one wrote nothing.
      expect(saved).toHaveLength(outcomes.length - failures.length);
      expect(saved.every((e) => e.id < closed.id)).toBe(true);
      const rows = kind === "weights" ? await weightsOf(ctx.db, fx.decisionId) : await scoresOf(ctx.db, fx.decisionId);
      const writers = new Set(saved.map((e) => e.actorId));
      expect(new Set(rows.map((r) => r.userId))).toEqual(writers);
      // And the phase stays closed afterwards.
      await expect(save(0)).rejects.toThrow(ConflictError);
    });
  });

  test("ballot writes do not leak into another member's rows or another decision", async () => {
    const a = await createDecisionFixture(ctx.db, u.facilitator.id, teamId);
    const b = await createDecisionFixture(ctx.db, u.facilitator.id, teamId);
    await moveTo(ctx.db, a, "weighting");
    await moveTo(ctx.db, b, "weighting");

    await saveWeights(ctx.db, u.ana.id, weightSheet(a, [2, 8]));
    await saveWeights(ctx.db, u.ana.id, weightSheet(b, [9, 1]));
    await saveWeights(ctx.db, u.ben.id, weightSheet(a, [6, 6]));

    expect(await weightValues(a, u.ana.id)).toEqual([2, 8]);
    expect(await weightValues(b, u.ana.id)).toEqual([9, 1]);
    expect(await weightValues(a, u.ben.id)).toEqual([6, 6]);
    expect(await weightsOf(ctx.db, b.decisionId, u.ben.id)).toEqual([]);
  });
});
