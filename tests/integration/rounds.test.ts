import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { ballotsOf, ownWeights, progress, roundDistribution, roundsOf } from "../../db/queries/ballots";
import type { Db } from "../../db/client";
import { loadStructure } from "../../db/queries/decisions";
import { scoreSheetSource } from "../../db/queries/sheet-source";
import { tallyOf } from "../../lib/domain/tally-of";
import type { DecisionStatus } from "../../lib/domain/phases";
import { ConflictError, ForbiddenError, NotFoundError } from "../../lib/errors";
import {
  createDecisionFixture,
  type DecisionFixture,
  decideInput,
  ensureCatalog,
  hoursAfter,
  moveTo,
  scoreGrid,
  weightSheet,
} from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { countQueries } from "../support/query-count";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";
import { ballotsRows, decisionRow, decisionState, eventsOfDecision, rejectionOf, rowsOf, scoresOf } from "../support/inspect";
import { advancePhase, allBallots, decide, getOutcome, openNextRound, saveScores, saveWeights, viewDecision } from "../support/use-cases";
import { VOTING_ROLES } from "../../lib/auth/roles";

/** The caller's own sheets of one round, read the way the weights and scores pages read them. */
async function ownBallot(db: Db, decisionId: string, userId: string, round = 1) {
  const [weights, scores] = await Promise.all([ownWeights(db, decisionId, userId), scoreSheetSource(db, decisionId, userId, [round])]);
  return { weights, scores: scores.own.map(({ round: _, ...rest }) => rest) };
}

// Delphi re-vote rounds: after a reveal the facilitator opens another scoring round; members re-score
// having seen the spread, weights stay as given, and the last round's scores decide.

type Person = "owner" | "admin" | "facilitator" | "ana" | "ben" | "viewer" | "outsider";
type Grid = (number | undefined)[][];

// Options Alpha, Beta, Gamma (rows) on criteria Speed, Cost (columns).
// The facilitator weights but never scores, so weights ballots are counted apart from score ballots.
const WEIGHTS = { ana: [8, 2], ben: [5, 5], facilitator: [1, 9] } as const;
const VOTERS = ["ana", "ben", "facilitator"] as const;
const SCORERS = ["ana", "ben"] as const;
// Round 1: Alpha leads. Round 2: both move to Beta; Ben leaves Gamma blank this time.
const ROUND_1: Record<(typeof SCORERS)[number], Grid> = {
  ana: [
    [5, 4],
    [2, 3],
    [undefined, undefined],
  ],
  ben: [
    [4, 4],
    [3, 3],
    [2, undefined],
  ],
};
const ROUND_2: Record<(typeof SCORERS)[number], Grid> = {
  ana: [
    [2, 2],
    [5, 5],
    [undefined, undefined],
  ],
  ben: [
    [3, 3],
    [5, 4],
    [undefined, undefined],
  ],
};
// Group weights: Speed (0.8 + 0.5 + 0.1) / 3 = 1.4 / 3, Cost (0.2 + 0.5 + 0.9) / 3 = 1.6 / 3; percent(m) = (m − 1) · 25.
// Round 1: Alpha (4.5, 4) → (1.4·87.5 + 1.6·75) / 3 = 242.5 / 3; Beta (2.5, 3) → 132.5 / 3; Gamma (2, —) → 25.
// Round 2: Beta (5, 4.5) → (1.4·100 + 1.6·87.5) / 3 = 280 / 3; Alpha (2.5, 2.5) → 37.5; Gamma unscored.
const ROUND_1_SCORES = { Alpha: 242.5 / 3, Beta: 132.5 / 3, Gamma: 25 };
const ROUND_2_SCORES = { Beta: 280 / 3, Alpha: 37.5, Gamma: null };

/** How far `revoted` takes a decision: each stage includes the ones before it. */
type Stage = "revealed" | "round 2 open" | "round 2 scored" | "round 2 revealed" | "decided";
const STAGES: readonly Stage[] = ["revealed", "round 2 open", "round 2 scored", "round 2 revealed", "decided"];

describeEachDriver("scoring rounds", (ctx) => {
  let u: Record<Person, TestUser>;
  let teamId: string;

  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    u = await createUsers(ctx.db, ["owner", "admin", "facilitator", "ana", "ben", "viewer", "outsider"]);
    teamId = (await createTeamWith(ctx.db, { owner: u.owner, admin: u.admin, member: [u.facilitator, u.ana, u.ben], viewer: u.viewer })).id;
    await createTeamWith(ctx.db, { owner: u.outsider });
  });

  const ref = (fx: DecisionFixture) => ({ teamId: fx.teamId, decisionId: fx.decisionId });
  const scoreRound = (fx: DecisionFixture, sheets: Record<(typeof SCORERS)[number], Grid>, who: readonly (typeof SCORERS)[number][] = SCORERS) =>
    Promise.all(who.map((p) => saveScores(ctx.db, u[p].id, scoreGrid(fx, sheets[p]))));

  /** A decision with round 1 weighted, scored and revealed, then taken on to `stage`. */
  async function revoted(stage: Stage, overrides: Parameters<typeof createDecisionFixture>[3] = {}): Promise<DecisionFixture> {
    const reached = (s: Stage) => STAGES.indexOf(stage) >= STAGES.indexOf(s);
    const fx = await createDecisionFixture(ctx.db, u.facilitator.id, teamId, overrides);
    await moveTo(ctx.db, fx, "weighting");
    await Promise.all(VOTERS.map((p) => saveWeights(ctx.db, u[p].id, weightSheet(fx, WEIGHTS[p]))));
    await moveTo(ctx.db, fx, "scoring");
    await scoreRound(fx, ROUND_1);
    await moveTo(ctx.db, fx, "revealed");
    if (reached("round 2 open")) await openNextRound(ctx.db, u.facilitator.id, { ...ref(fx), round: 1 });
    if (reached("round 2 scored")) await scoreRound(fx, ROUND_2);
    if (reached("round 2 revealed")) await advancePhase(ctx.db, u.facilitator.id, { ...ref(fx), from: "scoring" });
    if (reached("decided")) await decide(ctx.db, u.facilitator.id, decideInput(fx, fx.options[1]!.id));
    return fx;
  }

  /** The score rows a grid should leave, in the shape ballotsOf returns them. */
  const expectedScores = (fx: DecisionFixture, sheets: Record<(typeof SCORERS)[number], Grid>, who: readonly (typeof SCORERS)[number][] = SCORERS) =>
    who.flatMap((p) =>
      sheets[p].flatMap((row, option) =>
        row.flatMap((score, criterion) =>
          score === undefined
            ? []
            : [{ memberId: u[p].id, optionId: fx.options[option]!.id, criterionId: fx.criteria[criterion]!.id, score, comment: null, evidenceUrl: null }],
        ),
      ),
    );
  const key = (r: { memberId?: string; userId?: string; optionId?: string; criterionId: string }) =>
    `${r.memberId ?? r.userId ?? ""}/${r.optionId ?? ""}/${r.criterionId}`;
  const sorted = <T extends { memberId?: string; userId?: string; optionId?: string; criterionId: string }>(rows: readonly T[]) =>
    [...rows].sort((a, b) => key(a).localeCompare(key(b)));
  const scoresByName = (fx: DecisionFixture, t: { options: { optionId: string; score: number | null }[] }) =>
    Object.fromEntries(t.options.map((o) => [fx.options.find((opt) => opt.id === o.optionId)!.name, o.score]));

  /** The id of the transaction that last wrote a row: equal for rows written in one transaction. */
  const writerOf = async (table: "decisions" | "events", id: string | number) =>
    rowsOf<{ xid: string }>(await ctx.db.execute(sql`select xmin::text as xid from ${sql.identifier(table)} where id = ${id}`))[0]?.xid;

  describe("openNextRound", () => {
    test("from revealed: scoring again in round 2, deadline cleared, one decision.round_opened event in the same transaction", async () => {
      const t0 = new Date();
      // A scoring deadline that has not passed yet: the facilitator revealed early, and it stays on the row.
      const fx = await revoted("revealed", { scoringDeadline: hoursAfter(t0, 48) });
      const before = await decisionRow(ctx.db, fx.decisionId);
      expect(before).toMatchObject({ status: "revealed", currentRound: 1, scoringDeadline: hoursAfter(t0, 48) });
      const eventsBefore = await eventsOfDecision(ctx.db, fx.decisionId);
      const now = hoursAfter(t0, 1);

      await expect(openNextRound(ctx.db, u.facilitator.id, { ...ref(fx), round: 1 }, now)).resolves.toBe(2);

      const after = await decisionRow(ctx.db, fx.decisionId);
      expect(after).toMatchObject({
        status: "scoring",
        currentRound: 2,
        scoringDeadline: null,
        version: before.version + 1,
        updatedAt: now,
        revealedAt: before.revealedAt,
        decidedAt: null,
      });
      const added = (await eventsOfDecision(ctx.db, fx.decisionId)).slice(eventsBefore.length);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        type: "decision.round_opened",
        actorId: u.facilitator.id,
        teamId,
        createdAt: now,
        payload: { round: 2, from: "revealed", to: "scoring" },
      });
      expect(await writerOf("events", added[0]!.id)).toBe(await writerOf("decisions", fx.decisionId));
    });

    test("a round opened after a deadline reveal is not revealed again by that passed deadline", async () => {
      const t0 = new Date();
      const fx = await createDecisionFixture(
        ctx.db,
        u.facilitator.id,
        teamId,
        { weightingDeadline: hoursAfter(t0, 1), scoringDeadline: hoursAfter(t0, 2) },
        t0,
      );
      await moveTo(ctx.db, fx, "weighting", { now: t0 });
      // Both deadlines pass: the next read reveals round 1.
      expect((await viewDecision(ctx.db, u.owner.id, ref(fx), "decision.view", hoursAfter(t0, 3))).decision.status).toBe("revealed");

      await openNextRound(ctx.db, u.facilitator.id, { ...ref(fx), round: 1 }, hoursAfter(t0, 3));

      const { decision } = await viewDecision(ctx.db, u.owner.id, ref(fx), "decision.view", hoursAfter(t0, 4));
      expect(decision).toMatchObject({ status: "scoring", currentRound: 2, scoringDeadline: null });
      const log = await eventsOfDecision(ctx.db, fx.decisionId);
      expect(log.filter((e) => e.type === "decision.phase_changed" && (e.payload as { to?: string }).to === "revealed")).toHaveLength(1);
    });

    test.each(["facilitator", "owner", "admin"] as const)("%s may open the next round", async (person) => {
      const fx = await revoted("revealed");

      await expect(openNextRound(ctx.db, u[person].id, { ...ref(fx), round: 1 })).resolves.toBe(2);

      expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "scoring", currentRound: 2 });
      expect((await eventsOfDecision(ctx.db, fx.decisionId)).at(-1)).toMatchObject({ type: "decision.round_opened", actorId: u[person].id });
    });

    test.each([
      { who: "a member who does not facilitate", person: "ana", error: ForbiddenError, name: "ForbiddenError" },
      { who: "a viewer", person: "viewer", error: ForbiddenError, name: "ForbiddenError" },
      { who: "a non-member", person: "outsider", error: NotFoundError, name: "NotFoundError" },
    ] as const)("$who may not open the next round ($name) and nothing is written", async ({ person, error }) => {
      const fx = await revoted("revealed");
      const before = await decisionState(ctx.db, fx.decisionId);

      await expect(openNextRound(ctx.db, u[person].id, { ...ref(fx), round: 1 })).rejects.toThrow(error);

      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });

    test.each(["draft", "weighting", "scoring", "decided", "withdrawn"] as const)(
      "a %s decision cannot open another round: ConflictError, nothing written",
      async (status: DecisionStatus) => {
        const fx = await createDecisionFixture(ctx.db, u.facilitator.id, teamId);
        await moveTo(ctx.db, fx, status);
        const before = await decisionState(ctx.db, fx.decisionId);

        const error = await rejectionOf(openNextRound(ctx.db, u.facilitator.id, { ...ref(fx), round: 1 }));

        expect(error).toBeInstanceOf(ConflictError);
        expect((error as Error).message).toContain("only start after a reveal");
        expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
      },
    );

    test("a double submit opens one round: the second is a ConflictError", async () => {
      const fx = await revoted("revealed");

      await openNextRound(ctx.db, u.facilitator.id, { ...ref(fx), round: 1 });
      const before = await decisionState(ctx.db, fx.decisionId);
      await expect(openNextRound(ctx.db, u.facilitator.id, { ...ref(fx), round: 1 })).rejects.toThrow(ConflictError);

      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
      expect(before.decision.currentRound).toBe(2);
      expect((await eventsOfDecision(ctx.db, fx.decisionId)).filter((e) => e.type === "decision.round_opened")).toHaveLength(1);
    });

    test("two submits at once: one opens round 2, the other gets a ConflictError", async () => {
      const fx = await revoted("revealed");

      const results = await Promise.allSettled([
        openNextRound(ctx.db, u.facilitator.id, { ...ref(fx), round: 1 }),
        openNextRound(ctx.db, u.owner.id, { ...ref(fx), round: 1 }),
      ]);

      expect(results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual([2]);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason).toBeInstanceOf(ConflictError);
      expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "scoring", currentRound: 2 });
      expect((await eventsOfDecision(ctx.db, fx.decisionId)).filter((e) => e.type === "decision.round_opened")).toHaveLength(1);
    });

    test("revealed again in round 2, a form still showing round 1 is a ConflictError; the current round opens round 3", async () => {
      const fx = await revoted("round 2 revealed");
      const before = await decisionState(ctx.db, fx.decisionId);

      const error = await rejectionOf(openNextRound(ctx.db, u.facilitator.id, { ...ref(fx), round: 1 }));

      expect(error).toBeInstanceOf(ConflictError);
      expect((error as Error).message).toBe("Round 2 is already open.");
      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);

      await expect(openNextRound(ctx.db, u.facilitator.id, { ...ref(fx), round: 2 })).resolves.toBe(3);
      expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "scoring", currentRound: 3 });
      const opened = (await eventsOfDecision(ctx.db, fx.decisionId)).filter((e) => e.type === "decision.round_opened");
      expect(opened.map((e) => (e.payload as { round: number }).round)).toEqual([2, 3]);
    });
  });

  describe("scores in round 2", () => {
    test("are stored with round 2; round-1 rows stay exactly as they were", async () => {
      const fx = await revoted("round 2 open");
      const round1Rows = await scoresOf(ctx.db, fx.decisionId);
      expect(round1Rows.every((r) => r.round === 1)).toBe(true);
      expect(round1Rows).toHaveLength(expectedScores(fx, ROUND_1).length);

      await scoreRound(fx, ROUND_2);

      const rows = await scoresOf(ctx.db, fx.decisionId);
      expect(rows.filter((r) => r.round === 1)).toEqual(round1Rows);
      const round2 = rows.filter((r) => r.round === 2);
      expect(sorted(round2.map((r) => ({ userId: r.userId, optionId: r.optionId, criterionId: r.criterionId, score: r.score })))).toEqual(
        sorted(expectedScores(fx, ROUND_2).map(({ memberId, optionId, criterionId, score }) => ({ userId: memberId, optionId, criterionId, score }))),
      );
      expect(rows).toHaveLength(round1Rows.length + round2.length);
      // One scores ballot per member and round; weights ballots stay in round 1.
      const ballots = (await ballotsRows(ctx.db, fx.decisionId)).map((b) => `${b.userId}/${b.kind}/${b.round}`).sort();
      expect(ballots).toEqual([...VOTERS.map((p) => `${u[p].id}/weights/1`), ...SCORERS.flatMap((p) => [`${u[p].id}/scores/1`, `${u[p].id}/scores/2`])].sort());
      const log = await eventsOfDecision(ctx.db, fx.decisionId);
      // A member's first sheet of a new round is a new submission, not an update of round 1's.
      expect(log.filter((e) => e.type === "scores.submitted")).toHaveLength(4);
      expect(log.filter((e) => e.type === "scores.updated")).toHaveLength(0);
    });

    test("re-saving a round-2 sheet with a cell cleared deletes only that round's row", async () => {
      const fx = await revoted("round 2 scored");
      const round1Rows = (await scoresOf(ctx.db, fx.decisionId)).filter((r) => r.round === 1);
      // Ben scored Alpha on both criteria in both rounds; now he clears Alpha's Cost in round 2.
      await saveScores(
        ctx.db,
        u.ben.id,
        scoreGrid(fx, [
          [3, undefined],
          [5, 4],
          [undefined, undefined],
        ]),
      );

      const rows = await scoresOf(ctx.db, fx.decisionId);
      expect(rows.filter((r) => r.round === 1)).toEqual(round1Rows);
      const cleared = (r: { round: number; userId: string; optionId: string; criterionId: string }) =>
        r.userId === u.ben.id && r.optionId === fx.options[0]!.id && r.criterionId === fx.criteria[1]!.id;
      expect(rows.filter(cleared).map((r) => r.round)).toEqual([1]);
      expect(rows.filter((r) => r.round === 2)).toHaveLength(expectedScores(fx, ROUND_2).length - 1);
    });

    test("progress for round 2 counts round-2 score ballots only; weights ballots still count", async () => {
      const fx = await revoted("round 2 open");
      const counts = async (round: number) => {
        const { eligible, weighted, scored, voters } = await progress(ctx.db, teamId, fx.decisionId, round, VOTING_ROLES);
        const scorers = voters
          .filter((v) => v.scored)
          .map((v) => v.userId)
          .sort();
        return { eligible, weighted, scored, scorers };
      };

      // Five voting members (owner, admin, facilitator, ana, ben); three weighted, nobody has re-scored yet.
      expect(await counts(2)).toEqual({ eligible: 5, weighted: 3, scored: 0, scorers: [] });
      expect(await counts(1)).toEqual({ eligible: 5, weighted: 3, scored: 2, scorers: [u.ana.id, u.ben.id].sort() });

      await scoreRound(fx, ROUND_2, ["ana"]);

      expect(await counts(2)).toEqual({ eligible: 5, weighted: 3, scored: 1, scorers: [u.ana.id] });
      expect(await counts(1)).toEqual({ eligible: 5, weighted: 3, scored: 2, scorers: [u.ana.id, u.ben.id].sort() });
      const ben = (await progress(ctx.db, teamId, fx.decisionId, 2, VOTING_ROLES)).voters.find((v) => v.userId === u.ben.id);
      expect(ben).toMatchObject({ weighted: true, scored: false });
    });

    test("ownBallot for round 2 returns only that round's scores, with the weights given once", async () => {
      const fx = await revoted("round 2 open");
      await scoreRound(fx, ROUND_2, ["ana"]);
      const strip = <T extends { memberId: string }>(rows: T[]) => rows.map(({ memberId: _, ...rest }) => rest);
      const weightsOfAna = fx.criteria.map((c, i) => ({ criterionId: c.id, weight: WEIGHTS.ana[i]! }));

      const round2 = await ownBallot(ctx.db, fx.decisionId, u.ana.id, 2);
      const round1 = await ownBallot(ctx.db, fx.decisionId, u.ana.id, 1);

      expect(sorted(round2.scores)).toEqual(sorted(strip(expectedScores(fx, ROUND_2, ["ana"]))));
      expect(sorted(round1.scores)).toEqual(sorted(strip(expectedScores(fx, ROUND_1, ["ana"]))));
      expect(sorted(round2.weights)).toEqual(sorted(weightsOfAna));
      expect(sorted(round1.weights)).toEqual(sorted(weightsOfAna));
      // Ben has not re-scored: nothing of round 1 shows up as his round-2 sheet.
      expect((await ownBallot(ctx.db, fx.decisionId, u.ben.id, 2)).scores).toEqual([]);
      expect((await ownBallot(ctx.db, fx.decisionId, u.ben.id, 3)).scores).toEqual([]);
      // The scores page reads both rounds in one query, each row tagged with its round.
      const both = (await scoreSheetSource(ctx.db, fx.decisionId, u.ana.id, [2, 1])).own;
      expect(sorted(both.filter((s) => s.round === 2).map(({ round: _, ...rest }) => rest))).toEqual(sorted(round2.scores));
      expect(sorted(both.filter((s) => s.round === 1).map(({ round: _, ...rest }) => rest))).toEqual(sorted(round1.scores));
    });

    test("the score sheet page reads the structure and both rounds' own scores in one statement", async () => {
      const fx = await revoted("round 2 open");
      await scoreRound(fx, ROUND_2, ["ana"]);
      const { result, queries } = await countQueries(ctx, (db) => scoreSheetSource(db, fx.decisionId, u.ana.id, [2, 1]));
      expect(queries).toHaveLength(1);
      expect(result.options).toEqual((await loadStructure(ctx.db, fx.decisionId)).options);
      expect(result.criteria.map((c) => c.id)).toEqual(fx.criteria.map((c) => c.id));
      expect(result.own).toHaveLength(expectedScores(fx, ROUND_2, ["ana"]).length + expectedScores(fx, ROUND_1, ["ana"]).length);
      expect(result.own.some((s) => s.round === 1) && result.own.some((s) => s.round === 2)).toBe(true);
      // Someone with no scores gets an empty list, not null.
      expect((await scoreSheetSource(ctx.db, fx.decisionId, u.ben.id, [3])).own).toEqual([]);
    });
  });

  describe("roundDistribution", () => {
    /** Round 1 per cell, as counts of 1..5: "option.criterion" → [n1, n2, n3, n4, n5]. */
    const round1Histograms = (fx: DecisionFixture) => {
      const [alpha, beta, gamma] = fx.options.map((o) => o.id);
      const [speed, cost] = fx.criteria.map((c) => c.id);
      return new Map([
        [`${alpha}.${speed}`, [0, 0, 0, 1, 1]], // Ana 5, Ben 4
        [`${alpha}.${cost}`, [0, 0, 0, 2, 0]], // 4, 4
        [`${beta}.${speed}`, [0, 1, 1, 0, 0]], // 2, 3
        [`${beta}.${cost}`, [0, 0, 2, 0, 0]], // 3, 3
        [`${gamma}.${speed}`, [0, 1, 0, 0, 0]], // Ben 2; nobody scored Gamma's Cost
      ]);
    };

    test("in round 2, gives round 1's counts per cell, unaffected by round-2 scores", async () => {
      const fx = await revoted("round 2 open");
      const decision = await decisionRow(ctx.db, fx.decisionId);

      expect(await roundDistribution(ctx.db, decision, 1)).toEqual(round1Histograms(fx));

      await scoreRound(fx, ROUND_2);
      expect(await roundDistribution(ctx.db, await decisionRow(ctx.db, fx.decisionId), 1)).toEqual(round1Histograms(fx));
    });

    test.each(["round 2 open", "round 2 scored", "round 2 revealed"] as const)("%s: nothing for the current round, round 0 or a later round", async (stage) => {
      const fx = await revoted(stage);
      const decision = await decisionRow(ctx.db, fx.decisionId);
      expect(decision.currentRound).toBe(2);

      for (const round of [2, 0, -1, 3]) expect((await roundDistribution(ctx.db, decision, round)).size).toBe(0);
    });

    test("in round 1 there is no earlier round to show", async () => {
      const fx = await revoted("revealed");
      const decision = await decisionRow(ctx.db, fx.decisionId);

      expect((await roundDistribution(ctx.db, decision, 1)).size).toBe(0);
      expect((await roundDistribution(ctx.db, decision, 0)).size).toBe(0);
    });
  });

  describe("sealing and the second reveal", () => {
    test.each(["owner", "admin", "facilitator", "ana", "ben", "viewer"] as const)(
      "during round 2, results are sealed again: allBallots is forbidden to %s",
      async (person) => {
        const fx = await revoted("round 2 scored");

        await expect(allBallots(ctx.db, u[person].id, teamId, fx.decisionId)).rejects.toThrow(ForbiddenError);
      },
    );

    test("after the second reveal, allBallots returns round-2 scores only, and every weight", async () => {
      const fx = await revoted("round 2 revealed");

      const all = await allBallots(ctx.db, u.viewer.id, teamId, fx.decisionId);

      expect(sorted(all.scores)).toEqual(sorted(expectedScores(fx, ROUND_2)));
      expect(sorted(all.weights)).toEqual(
        sorted(VOTERS.flatMap((p) => fx.criteria.map((c, i) => ({ memberId: u[p].id, criterionId: c.id, weight: WEIGHTS[p][i]! })))),
      );
      expect(all.members.map((m) => m.id).sort()).toEqual(VOTERS.map((p) => u[p].id).sort());
      expect(scoresByName(fx, tallyOf(fx, all))).toEqual({
        Beta: expect.closeTo(ROUND_2_SCORES.Beta, 9),
        Alpha: expect.closeTo(ROUND_2_SCORES.Alpha, 9),
        Gamma: null,
      });
    });

    test("a member who did not re-score has no scores in round 2's results", async () => {
      const fx = await revoted("round 2 open");
      await scoreRound(fx, ROUND_2, ["ana"]);
      await advancePhase(ctx.db, u.facilitator.id, { ...ref(fx), from: "scoring" });

      const all = await allBallots(ctx.db, u.owner.id, teamId, fx.decisionId);

      expect(sorted(all.scores)).toEqual(sorted(expectedScores(fx, ROUND_2, ["ana"])));
      // Ben still counts through his weights.
      expect(all.weights.filter((w) => w.memberId === u.ben.id)).toHaveLength(fx.criteria.length);
    });
  });

  describe("deciding after a re-vote", () => {
    test("the snapshot records round 2 and tallies round-2 scores", async () => {
      const fx = await revoted("round 2 revealed");
      const now = new Date();

      // Beta leads only in round 2, so choosing it without a justification is accepted only if round 2 is tallied.
      await decide(ctx.db, u.facilitator.id, decideInput(fx, fx.options[1]!.id), now);

      const outcome = await getOutcome(ctx.db, fx.decisionId);
      expect(outcome?.record.justification).toBeNull();
      const snapshot = outcome!.snapshot;
      expect(snapshot.round).toBe(2);
      expect(sorted(snapshot.inputs.scores)).toEqual(sorted(expectedScores(fx, ROUND_2)));
      expect(snapshot.tally.winners).toEqual([fx.options[1]!.id]);
      expect(scoresByName(fx, snapshot.tally)).toEqual({
        Beta: expect.closeTo(ROUND_2_SCORES.Beta, 9),
        Alpha: expect.closeTo(ROUND_2_SCORES.Alpha, 9),
        Gamma: null,
      });
      const expected = tallyOf(fx, await ballotsOf(ctx.db, fx.decisionId, 2));
      expect(snapshot.tally.options.map((o) => [o.optionId, o.rank])).toEqual(expected.options.map((o) => [o.optionId, o.rank]));
      expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "decided", currentRound: 2, decidedAt: now });
      expect((await eventsOfDecision(ctx.db, fx.decisionId)).at(-1)).toMatchObject({
        type: "decision.decided",
        payload: { chosenOptionId: fx.options[1]!.id, topRanked: true, round: 2 },
      });
    });

    test("round 1's leader is no longer top-ranked: choosing it needs a justification", async () => {
      const fx = await revoted("round 2 revealed");

      await expect(decide(ctx.db, u.facilitator.id, decideInput(fx, fx.options[0]!.id))).rejects.toThrow(/say why/);
      await decide(ctx.db, u.facilitator.id, decideInput(fx, fx.options[0]!.id, { justification: "Round 1 was right" }));

      expect((await getOutcome(ctx.db, fx.decisionId))?.record.justification).toBe("Round 1 was right");
    });
  });

  describe("roundsOf", () => {
    test.each(["round 2 revealed", "decided"] as const)("%s: each round's own scores, with the same weights and members", async (stage) => {
      const fx = await revoted(stage);
      const structure = await loadStructure(ctx.db, fx.decisionId);

      const rounds = await roundsOf(ctx.db, fx.decisionId, 2);

      expect(rounds).toHaveLength(2);
      expect(sorted(rounds[0]!.scores)).toEqual(sorted(expectedScores(fx, ROUND_1)));
      expect(sorted(rounds[1]!.scores)).toEqual(sorted(expectedScores(fx, ROUND_2)));
      for (const round of rounds) {
        expect(sorted(round.weights)).toEqual(
          sorted(VOTERS.flatMap((p) => fx.criteria.map((c, i) => ({ memberId: u[p].id, criterionId: c.id, weight: WEIGHTS[p][i]! })))),
        );
        expect(round.members.map((m) => m.id).sort()).toEqual(VOTERS.map((p) => u[p].id).sort());
      }
      const [first, second] = rounds.map((inputs) => tallyOf(structure, inputs));
      expect(first!.winners).toEqual([fx.options[0]!.id]);
      expect(scoresByName(fx, first!)).toEqual({
        Alpha: expect.closeTo(ROUND_1_SCORES.Alpha, 9),
        Beta: expect.closeTo(ROUND_1_SCORES.Beta, 9),
        Gamma: expect.closeTo(ROUND_1_SCORES.Gamma, 9),
      });
      expect(second!.winners).toEqual([fx.options[1]!.id]);
      // The earlier-rounds list the results page asks for: only round 1 before a round-2 result.
      const earlier = await roundsOf(ctx.db, fx.decisionId, 1);
      expect(earlier).toHaveLength(1);
      expect(sorted(earlier[0]!.scores)).toEqual(sorted(expectedScores(fx, ROUND_1)));
    });
  });
});
