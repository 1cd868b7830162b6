import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../../db/client";
import { ballotsOf, roundsOf } from "../../db/queries/ballots";
import { loadStructure } from "../../db/queries/decisions";
import { createSession, findSessionUser } from "../../db/queries/sessions";
import { decisions } from "../../db/schema";
import { SeededRandom } from "../../lib/domain/random";
import type { Tally } from "../../lib/domain/tally";
import { tallyOf } from "../../lib/domain/tally-of";
import { scoreBasis } from "../../lib/domain/what-if";
import { readDecision } from "../../lib/services/access";
import { loadResults, loadResultsTally, type Results, type ShownResults } from "../../lib/services/results-page";
import { revealedFiguresKey } from "../../lib/services/revealed-figures-cache";
import { decideInput, ensureCatalog } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUser, type TestUser } from "../support/factories";
import { countQueries } from "../support/query-count";
import { randomDecision, randomShape } from "../support/random-decision";
import { seedResults, type SeededResults } from "../support/seed-results";
import { advancePhase, decide, getOutcome, openNextRound } from "../support/use-cases";

// The results page computes its tally from sheets the database packs (lib/services/results-page.ts).
// Here it is held to the tally the page computed before, over every score row (ballotsOf + tallyOf),
// on varied random decisions, to the last bit; and to a fixed number of queries whatever the size.

const standings = (t: Tally) => t.options.map(({ optionId, score, rank }) => ({ optionId, score, rank }));
const named = (rows: readonly { id: string; name: string }[]) => rows.map(({ id, name }) => ({ id, name }));

/** The page's figures as it used to load them: every row, then the pure tally. */
async function fromRows(db: Db, decisionId: string, round: number, personId?: string) {
  const structure = await loadStructure(db, decisionId);
  const inputs = await ballotsOf(db, decisionId, round);
  const tally = tallyOf(structure, inputs);
  const earlier = round > 1 ? await roundsOf(db, decisionId, round - 1) : [];
  return {
    options: named(structure.options),
    criteria: named(structure.criteria),
    members: inputs.members,
    tally,
    basis: scoreBasis({ ...structure, ...inputs }, tally),
    rounds: [...earlier.map((r, i) => ({ round: i + 1, standings: standings(tallyOf(structure, r)) })), { round, standings: standings(tally) }],
    weighers: Object.keys(tally.memberWeights).length,
    scorers: new Set(inputs.scores.map((s) => s.memberId)).size,
    personScores: inputs.scores.filter((s) => s.memberId === personId),
  };
}

function shown(results: Results): ShownResults {
  if (results.kind !== "revealed" && results.kind !== "decided") throw new Error(`expected results, got ${results.kind}`);
  return results;
}

const byCell = (a: { optionId: string; criterionId: string }, b: { optionId: string; criterionId: string }) =>
  `${a.optionId}.${a.criterionId}`.localeCompare(`${b.optionId}.${b.criterionId}`);
const cellsOf = (scores: readonly { optionId: string; criterionId: string; score: number; comment: string | null; evidenceUrl: string | null }[]) =>
  scores.map(({ optionId, criterionId, score, comment, evidenceUrl }) => ({ optionId, criterionId, score, comment, evidenceUrl })).sort(byCell);

describeEachDriver("results page loader", (ctx) => {
  let owner: TestUser;
  let teamId: string;
  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    owner = await createUser(ctx.db, { name: "Results Owner" });
    teamId = (await createTeamWith(ctx.db, { owner })).id;
  });

  const ref = (seeded: SeededResults) => ({ teamId: seeded.teamId, decisionId: seeded.decisionId });
  const load = async (seeded: SeededResults, personId?: string) =>
    shown(await loadResults(await readDecision(ctx.db, owner.id, ref(seeded), "decision.view"), { personId }));

  describe("gives exactly the figures of the pure tally over every row", () => {
    const seeds = [11, 29, 314, 2718, 16180, 42424];
    test.each(seeds)("revealed, random decision %i", async (seed) => {
      const random = new SeededRandom(seed);
      const shape = randomShape(random, { members: 14, options: 5, criteria: 4 });
      const rounds = 1 + Math.floor(random.next() * 3);
      const seeded = await seedResults(ctx.db, owner, teamId, randomDecision(seed, shape, { rounds }));
      const person = seeded.memberIds[seed % seeded.memberIds.length]!;
      const expected = await fromRows(ctx.db, seeded.decisionId, rounds, person);
      const actual = await load(seeded, person);

      expect(actual.kind).toBe("revealed");
      expect(actual.tally).toEqual(expected.tally);
      expect(actual.basis).toEqual(expected.basis);
      expect(actual.rounds).toEqual(expected.rounds);
      expect({ options: actual.options, criteria: actual.criteria, members: actual.members }).toEqual({
        options: expected.options,
        criteria: expected.criteria,
        members: expected.members,
      });
      expect([actual.weighers, actual.scorers]).toEqual([expected.weighers, expected.scorers]);
      expect(actual.person?.member.id).toBe(person);
      expect(cellsOf(actual.person!.scores)).toEqual(cellsOf(expected.personScores));
    });

    test("decided, after two rounds: the frozen snapshot, with the earlier round from its scores", async () => {
      const seeded = await seedResults(ctx.db, owner, teamId, randomDecision(77, { members: 12, options: 4, criteria: 3 }, { rounds: 2 }));
      const live = await fromRows(ctx.db, seeded.decisionId, 2);
      await decide(
        ctx.db,
        owner.id,
        decideInput({ ...ref(seeded), facilitatorId: owner.id } as never, (await loadStructure(ctx.db, seeded.decisionId)).options[0]!.id, {
          justification: "Test",
        }),
      );
      const outcome = (await getOutcome(ctx.db, seeded.decisionId))!;
      const person = seeded.memberIds[3]!;
      const actual = await load(seeded, person);

      expect(actual.kind).toBe("decided");
      expect(actual.decidedAt).toEqual(outcome.decidedAt);
      expect(actual.tally).toEqual(outcome.snapshot.tally);
      expect(actual.members).toEqual(outcome.snapshot.inputs.members);
      expect(actual.options).toEqual(named(outcome.snapshot.options));
      expect(actual.rounds).toEqual(live.rounds);
      expect(actual.scorers).toBe(new Set(outcome.snapshot.inputs.scores.map((s) => s.memberId)).size);
      expect(cellsOf(actual.person!.scores)).toEqual(cellsOf(outcome.snapshot.inputs.scores.filter((s) => s.memberId === person)));
    });

    test("decided, with a criterion nobody weighs: scorers are counted from the snapshot's scores", async () => {
      const decision = randomDecision(5, { members: 6, options: 3, criteria: 2 });
      decision.weights = decision.weights.map((w) => (w.criterionId.endsWith("criterion-1") ? { ...w, weight: 0 } : w));
      // One member scores only the criterion that weighs nothing: no ranking of their own, yet a scorer.
      const loner = decision.members[0]!.id;
      decision.rounds[0] = [
        ...decision.rounds[0]!.filter((s) => s.memberId !== loner),
        { memberId: loner, optionId: decision.options[0]!.id, criterionId: decision.criteria[1]!.id, score: 2 },
      ];
      const seeded = await seedResults(ctx.db, owner, teamId, decision);
      await decide(
        ctx.db,
        owner.id,
        decideInput({ ...ref(seeded) } as never, (await loadStructure(ctx.db, seeded.decisionId)).options[0]!.id, { justification: "Test" }),
      );
      const outcome = (await getOutcome(ctx.db, seeded.decisionId))!;
      const actual = await load(seeded);
      expect(actual.scorers).toBe(new Set(outcome.snapshot.inputs.scores.map((s) => s.memberId)).size);
      expect(actual.scorers).toBeGreaterThan(outcome.snapshot.tally.schulze.ballots);
    });

    test("anonymous and decided: the snapshot's pseudonyms, and nobody looked up by name", async () => {
      const seeded = await seedResults(ctx.db, owner, teamId, randomDecision(99, { members: 5, options: 3, criteria: 3 }), { anonymous: true });
      await decide(
        ctx.db,
        owner.id,
        decideInput({ ...ref(seeded) } as never, (await loadStructure(ctx.db, seeded.decisionId)).options[0]!.id, { justification: "Test" }),
      );
      const outcome = (await getOutcome(ctx.db, seeded.decisionId))!;
      const actual = await load(seeded, seeded.memberIds[0]);
      expect(actual.tally).toEqual(outcome.snapshot.tally);
      expect(actual.members).toEqual(outcome.snapshot.inputs.members);
      expect(actual.members.map((m) => m.id)).not.toContain(seeded.memberIds[0]);
      expect(actual.person).toBeNull();
    });
  });

  test("a person who is not a member, or not an id at all, opens nobody", async () => {
    const seeded = await seedResults(ctx.db, owner, teamId, randomDecision(3, { members: 3, options: 2, criteria: 2 }));
    expect((await load(seeded, owner.id)).person).toBeNull();
    expect((await load(seeded, "not-a-uuid'); drop table scores; --")).person).toBeNull();
  });

  test("sealed and withdrawn decisions show no values and read none", async () => {
    const seeded = await seedResults(ctx.db, owner, teamId, randomDecision(8, { members: 3, options: 2, criteria: 2 }));
    for (const status of ["scoring", "withdrawn"] as const) {
      await ctx.db.update(decisions).set({ status }).where(eq(decisions.id, seeded.decisionId));
      const view = await readDecision(ctx.db, owner.id, ref(seeded), "decision.view");
      const { result, queries } = await countQueries(ctx, (db) => loadResults({ ...view, db }));
      expect(result.kind).toBe(status === "scoring" ? "sealed" : "withdrawn");
      expect(queries).toEqual([]);
    }
  });

  describe("the charts' tally alone", () => {
    const both = async (seeded: SeededResults) => {
      const view = await readDecision(ctx.db, owner.id, ref(seeded), "decision.view");
      const { result, queries } = await countQueries(ctx, (db) => loadResultsTally({ ...view, db }));
      const full = shown(await loadResults(view));
      if (result.kind !== "revealed" && result.kind !== "decided") throw new Error(`expected a tally, got ${result.kind}`);
      return { result, queries, full };
    };

    test("revealed after three rounds: the results page's tally, in two statements, none for the earlier rounds", async () => {
      const seeded = await seedResults(ctx.db, owner, teamId, randomDecision(77, { members: 9, options: 4, criteria: 3 }, { rounds: 3 }));
      const { result, queries, full } = await both(seeded);
      expect(result).toEqual({ kind: "revealed", criteria: full.criteria, members: full.members, tally: full.tally });
      expect(queries).toHaveLength(2);
    });

    test("decided with a criterion weighted zero: the snapshot's tally, in one statement", async () => {
      const decision = randomDecision(78, { members: 6, options: 3, criteria: 3 }, { rounds: 2 });
      decision.weights = decision.weights.map((w) => (w.criterionId.endsWith("criterion-1") ? { ...w, weight: 0 } : w));
      const seeded = await seedResults(ctx.db, owner, teamId, decision);
      const structure = await loadStructure(ctx.db, seeded.decisionId);
      await decide(ctx.db, owner.id, decideInput({ ...ref(seeded) } as never, structure.options[0]!.id, { justification: "Test" }));
      const { result, queries, full } = await both(seeded);
      expect(result).toEqual({ kind: "decided", criteria: full.criteria, members: full.members, tally: full.tally });
      expect(result.tally).toEqual((await getOutcome(ctx.db, seeded.decisionId))!.snapshot.tally);
      expect(result.tally.groupWeights[structure.criteria[1]!.id]).toBe(0);
      expect(queries).toHaveLength(1);
    });
  });

  describe("read once while the decision stays revealed", () => {
    /** A page view whose statements are logged, through a database handle of its own (its own cache). */
    const observedView = async (seeded: SeededResults) => {
      const queries: string[] = [];
      const db = ctx.observed((sql) => queries.push(sql));
      return { queries, view: { ...(await readDecision(ctx.db, owner.id, ref(seeded), "decision.view")), db } };
    };

    test("later readers share the figures, reading only the earlier rounds and their own person", async () => {
      const seeded = await seedResults(ctx.db, owner, teamId, randomDecision(31, { members: 10, options: 4, criteria: 3 }, { rounds: 2 }));
      const { queries, view } = await observedView(seeded);
      const first = shown(await loadResults(view));
      expect(queries.splice(0)).toHaveLength(3); // the structure, the packed sheets, the earlier round

      const person = seeded.memberIds[2]!;
      const second = shown(await loadResults(view, { personId: person }));
      expect(queries.splice(0)).toHaveLength(2); // the earlier round and the person's sheet
      expect(second.tally).toBe(first.tally);
      expect(second.person?.member.id).toBe(person);
      const expected = await fromRows(ctx.db, seeded.decisionId, 2, person);
      expect(second.tally).toEqual(expected.tally);
      expect(second.rounds).toEqual(expected.rounds);
      expect(cellsOf(second.person!.scores)).toEqual(cellsOf(expected.personScores));

      const charts = await loadResultsTally(view);
      expect(queries).toEqual([]);
      expect(charts).toEqual({ kind: "revealed", criteria: first.criteria, members: first.members, tally: first.tally });
    });

    test("a crowd that arrives together reads the sheets once", async () => {
      const seeded = await seedResults(ctx.db, owner, teamId, randomDecision(32, { members: 12, options: 3, criteria: 3 }));
      const { queries, view } = await observedView(seeded);
      const crowd = await Promise.all(Array.from({ length: 6 }, () => loadResults(view)));
      expect(queries).toHaveLength(2);
      expect(new Set(crowd.map((r) => shown(r).tally)).size).toBe(1);
    });

    test("the next round's reveal is read afresh", async () => {
      const seeded = await seedResults(ctx.db, owner, teamId, randomDecision(33, { members: 6, options: 3, criteria: 2 }));
      const { view } = await observedView(seeded);
      const before = shown(await loadResults(view));
      await openNextRound(ctx.db, owner.id, { ...ref(seeded), round: 1 });
      await advancePhase(ctx.db, owner.id, { ...ref(seeded), from: "scoring" });
      const after = shown(await loadResults({ ...(await readDecision(ctx.db, owner.id, ref(seeded), "decision.view")), db: view.db }));
      const expected = await fromRows(ctx.db, seeded.decisionId, 2);
      expect(after.tally).not.toBe(before.tally);
      expect(after.tally).toEqual(expected.tally);
      expect(after.rounds).toEqual(expected.rounds);
      expect(after.scorers).toBe(0);
      expect(before.scorers).toBeGreaterThan(0);
    });

    test("a reveal that a passed deadline implies, not yet recorded, is read every time", async () => {
      const seeded = await seedResults(ctx.db, owner, teamId, randomDecision(34, { members: 4, options: 2, criteria: 2 }));
      const deadline = new Date(Date.now() - 60_000);
      await ctx.db.update(decisions).set({ status: "scoring", scoringDeadline: deadline, revealedAt: null }).where(eq(decisions.id, seeded.decisionId));
      const { queries, view } = await observedView(seeded);
      expect(view.decision.status).toBe("revealed");
      expect(revealedFiguresKey(view)).toBeNull();
      await loadResults(view);
      await loadResults(view);
      expect(queries).toHaveLength(4);
    });
  });

  describe("a fixed number of queries, whatever the size", () => {
    const BUDGET = 8;
    /** The whole page: the session, the access check and the loader, as one request runs them. */
    const pageQueries = async (seeded: SeededResults, personId?: string) => {
      const sessionId = await createSession(ctx.db, owner.id, "test");
      return countQueries(ctx, async (db) => {
        await findSessionUser(db, sessionId, owner.id);
        return loadResults(await readDecision(db, owner.id, ref(seeded), "decision.view"), { personId });
      });
    };

    test("revealed: a few members in one round, and 120 members in three", async () => {
      const small = await seedResults(ctx.db, owner, teamId, randomDecision(1, { members: 3, options: 2, criteria: 2 }));
      const large = await seedResults(ctx.db, owner, teamId, randomDecision(2, { members: 120, options: 8, criteria: 6 }, { rounds: 3 }));
      const smallRun = await pageQueries(small, small.memberIds[0]);
      const largeRun = await pageQueries(large, large.memberIds[0]);
      expect(shown(largeRun.result).members).toHaveLength(120);
      expect(shown(largeRun.result).person).not.toBeNull();
      expect(smallRun.queries.length).toBeLessThanOrEqual(BUDGET);
      expect(largeRun.queries.length).toBeLessThanOrEqual(BUDGET);
      // The earlier rounds cost one query between them, not some per round.
      expect(largeRun.queries.length).toBe(smallRun.queries.length + 1);
    });

    test("decided: a few members, and 120 members after two rounds", async () => {
      const small = await seedResults(ctx.db, owner, teamId, randomDecision(4, { members: 3, options: 2, criteria: 2 }));
      const large = await seedResults(ctx.db, owner, teamId, randomDecision(6, { members: 120, options: 8, criteria: 6 }, { rounds: 2 }));
      for (const seeded of [small, large]) {
        await decide(
          ctx.db,
          owner.id,
          decideInput({ ...ref(seeded) } as never, (await loadStructure(ctx.db, seeded.decisionId)).options[0]!.id, { justification: "Test" }),
        );
      }
      const smallRun = await pageQueries(small, small.memberIds[0]);
      const largeRun = await pageQueries(large, large.memberIds[0]);
      expect(shown(largeRun.result).kind).toBe("decided");
      expect(smallRun.queries.length).toBeLessThanOrEqual(BUDGET);
      expect(largeRun.queries.length).toBeLessThanOrEqual(BUDGET);
    });
  });
});
