import { describe, expect, test } from "vitest";
import { normaliseWeights, type Score, SCORE_LABELS, SCORE_VALUES, scoreLabel, type Tally, tally, type TallyInput } from "@/lib/domain/tally";

// --- Building inputs the way a person would write them down ---

type Named = { id: string; name: string };
/** member → criterion → weight */
type WeightSheet = Record<string, Record<string, number>>;
/** member → option → criterion → score */
type ScoreSheet = Record<string, Record<string, Record<string, number>>>;

const DJANGO: Named = { id: "django", name: "Django" };
const EXPRESS: Named = { id: "express", name: "Express" };
const FLASK: Named = { id: "flask", name: "Flask" };
const GIN: Named = { id: "gin", name: "Gin" };
const PERF: Named = { id: "perf", name: "Performance" };
const ECO: Named = { id: "eco", name: "Ecosystem" };
const COST: Named = { id: "cost", name: "Cost" };
const ADA: Named = { id: "ada", name: "Ada" };
const BEN: Named = { id: "ben", name: "Ben" };
const CY: Named = { id: "cy", name: "Cy" };

function decision(setup: { options: Named[]; criteria: Named[]; members: Named[]; weights?: WeightSheet; scores?: ScoreSheet }): TallyInput {
  return {
    options: setup.options,
    criteria: setup.criteria,
    members: setup.members,
    weights: Object.entries(setup.weights ?? {}).flatMap(([memberId, sheet]) =>
      Object.entries(sheet).map(([criterionId, weight]) => ({ memberId, criterionId, weight })),
    ),
    scores: Object.entries(setup.scores ?? {}).flatMap(([memberId, byOption]) =>
      Object.entries(byOption).flatMap(([optionId, byCriterion]) =>
        Object.entries(byCriterion).map(([criterionId, score]) => ({ memberId, optionId, criterionId, score })),
      ),
    ),
  };
}

const option = (result: Tally, optionId: string) => {
  const found = result.options.find((entry) => entry.optionId === optionId);
  if (!found) throw new Error(`no option ${optionId} in the tally`);
  return found;
};

/** Compact order of a tally: "id:rank", "-" for unranked. */
const order = (entries: { optionId: string; rank: number | null }[]) => entries.map(({ optionId, rank }) => `${optionId}:${rank ?? "-"}`);

function expectClose(actual: number | null | undefined, expected: number | null) {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
}

// In the comments below, percent(mean) = (mean - 1) / 4 × 100: a 1-5 score on a 0-100 scale.

// --- Labels and weights ---

describe("scoreLabel", () => {
  test.each<{ score: Score; label: string }>([
    { score: 1, label: "poor" },
    { score: 2, label: "weak" },
    { score: 3, label: "fair" },
    { score: 4, label: "good" },
    { score: 5, label: "excellent" },
  ])("$score is $label", ({ score, label }) => {
    expect(scoreLabel(score)).toBe(label);
    expect(SCORE_LABELS[score]).toBe(label);
  });

  test("SCORE_VALUES lists the scale in order", () => {
    expect(SCORE_VALUES.map(scoreLabel)).toEqual(["poor", "weak", "fair", "good", "excellent"]);
  });
});

describe("normaliseWeights", () => {
  test.each<{ name: string; weights: Record<string, number>; expected: Record<string, number> | null }>([
    { name: "6 and 2 → 6/8 and 2/8", weights: { perf: 6, eco: 2 }, expected: { perf: 0.75, eco: 0.25 } },
    { name: "the scale does not matter: 3 and 1 → same", weights: { perf: 3, eco: 1 }, expected: { perf: 0.75, eco: 0.25 } },
    { name: "a zero stays zero", weights: { perf: 0, eco: 4 }, expected: { perf: 0, eco: 1 } },
    { name: "1, 1, 2 → quarters and a half", weights: { a: 1, b: 1, c: 2 }, expected: { a: 0.25, b: 0.25, c: 0.5 } },
    { name: "a single weight becomes 1", weights: { perf: 7 }, expected: { perf: 1 } },
    { name: "all zeros: nothing to normalise", weights: { perf: 0, eco: 0 }, expected: null },
    { name: "no weights: nothing to normalise", weights: {}, expected: null },
  ])("$name", ({ weights, expected }) => {
    expect(normaliseWeights(weights)).toEqual(expected);
  });

  test.each<{ name: string; weight: number }>([
    { name: "a negative weight", weight: -1 },
    { name: "NaN", weight: Number.NaN },
    { name: "Infinity", weight: Infinity },
  ])("refuses $name", ({ weight }) => {
    expect(() => normaliseWeights({ perf: 1, eco: weight })).toThrow(RangeError);
  });
});

// --- The worked example: 3 members × 3 options × 2 criteria, every step by hand ---

describe("tally: worked example", () => {
  // Ada cares about performance, Ben leans to the ecosystem, Cy cares only about the ecosystem.
  // Ben did not score Flask's performance.
  const input = decision({
    options: [DJANGO, EXPRESS, FLASK],
    criteria: [PERF, ECO],
    members: [ADA, BEN, CY],
    weights: {
      ada: { perf: 6, eco: 2 },
      ben: { perf: 1, eco: 3 },
      cy: { perf: 0, eco: 4 },
    },
    scores: {
      ada: { django: { perf: 5, eco: 3 }, express: { perf: 3, eco: 5 }, flask: { perf: 4, eco: 4 } },
      ben: { django: { perf: 4, eco: 2 }, express: { perf: 3, eco: 4 }, flask: { eco: 3 } },
      cy: { django: { perf: 5, eco: 4 }, express: { perf: 2, eco: 5 }, flask: { perf: 3, eco: 3 } },
    },
  });
  const result = tally(input);

  test.each<{ member: string; perf: number; eco: number }>([
    { member: "ada", perf: 0.75, eco: 0.25 }, // 6/8, 2/8
    { member: "ben", perf: 0.25, eco: 0.75 }, // 1/4, 3/4
    { member: "cy", perf: 0, eco: 1 }, // 0/4, 4/4
  ])("$member's weights normalise to $perf / $eco", ({ member, perf, eco }) => {
    expect(result.memberWeights[member]).toEqual({ perf, eco });
  });

  test.each<{ criterion: string; weight: number }>([
    { criterion: "perf", weight: 1 / 3 }, // (0.75 + 0.25 + 0) / 3
    { criterion: "eco", weight: 2 / 3 }, // (0.25 + 0.75 + 1) / 3
  ])("group weight of $criterion", ({ criterion, weight }) => {
    expectClose(result.groupWeights[criterion], weight);
    expect(result.weightsFallback).toBe(false);
  });

  // contribution = group weight × percent(mean) / (group weight of the criteria with data, here 1)
  test.each<{ cell: string; optionId: string; criterionId: string; mean: number; n: number; sd: number; contribution: number }>([
    // 5, 4, 5: mean 14/3; deviations 1/3, -2/3, 1/3 → variance 6/9/3 = 2/9. 1/3 × (11/3)×25 = 275/9
    { cell: "Django perf", optionId: "django", criterionId: "perf", mean: 14 / 3, n: 3, sd: Math.sqrt(2 / 9), contribution: 275 / 9 },
    // 3, 2, 4: mean 3; deviations 0, -1, 1 → variance 2/3. 2/3 × 2×25 = 100/3
    { cell: "Django eco", optionId: "django", criterionId: "eco", mean: 3, n: 3, sd: Math.sqrt(2 / 3), contribution: 100 / 3 },
    // 3, 3, 2: mean 8/3; variance 2/9. 1/3 × (5/3)×25 = 125/9
    { cell: "Express perf", optionId: "express", criterionId: "perf", mean: 8 / 3, n: 3, sd: Math.sqrt(2 / 9), contribution: 125 / 9 },
    // 5, 4, 5: mean 14/3; variance 2/9. 2/3 × (11/3)×25 = 550/9
    { cell: "Express eco", optionId: "express", criterionId: "eco", mean: 14 / 3, n: 3, sd: Math.sqrt(2 / 9), contribution: 550 / 9 },
    // 4, 3 (Ben did not score it): mean 3.5; deviations ±0.5. 1/3 × 2.5×25 = 125/6
    { cell: "Flask perf", optionId: "flask", criterionId: "perf", mean: 3.5, n: 2, sd: 0.5, contribution: 125 / 6 },
    // 4, 3, 3: mean 10/3; deviations 2/3, -1/3, -1/3 → variance 2/9. 2/3 × (7/3)×25 = 350/9
    { cell: "Flask eco", optionId: "flask", criterionId: "eco", mean: 10 / 3, n: 3, sd: Math.sqrt(2 / 9), contribution: 350 / 9 },
  ])("$cell: mean $mean over $n", ({ optionId, criterionId, mean, n, sd, contribution }) => {
    const cell = option(result, optionId).perCriterion[criterionId];
    expect(cell?.n).toBe(n);
    expectClose(cell?.mean, mean);
    expectClose(cell?.sd, sd);
    expectClose(cell?.contribution, contribution);
  });

  test.each<{ optionId: string; score: number; rank: number; spread: number }>([
    // 1/3 × 8/3 + 2/3 × 14/3 = 36/9 = 4 → (4 − 1)/4 × 100 = 75
    // own scores: Ada 83⅓, Ben 66⅔, Cy 75 → mean 75, deviations ±25/3, 0 → variance 1250/27
    { optionId: "express", score: 75, rank: 1, spread: Math.sqrt(1250 / 27) },
    // 1/3 × 14/3 + 2/3 × 3 = 32/9 → (23/9)/4 × 100 = 575/9 ≈ 63.89
    // own scores: Ada 200/3, Ben 125/3, Cy 250/3 → mean 575/9, deviations 25/9, −200/9, 175/9
    // → variance (625 + 40000 + 30625) / 81 / 3 = 71250/243
    { optionId: "django", score: 575 / 9, rank: 2, spread: Math.sqrt(71250 / 243) },
    // 1/3 × 3.5 + 2/3 × 10/3 = 61/18 → (43/18)/4 × 100 = 1075/18 ≈ 59.72
    // own scores: Ada 75, Ben 50 (ecosystem only), Cy 50 → mean 175/3, deviations 50/3, −25/3, −25/3 → 1250/9
    { optionId: "flask", score: 1075 / 18, rank: 3, spread: Math.sqrt(1250 / 9) },
  ])("$optionId scores $score, rank $rank", ({ optionId, score, rank, spread }) => {
    const result_ = option(result, optionId);
    expectClose(result_.score, score);
    expect(result_.rank).toBe(rank);
    expect(result_.coverage).toBe(1);
    expectClose(result_.spread, spread);
    const contributions = Object.values(result_.perCriterion).map((cell) => cell.contribution ?? 0);
    expectClose(contributions[0]! + contributions[1]!, score);
  });

  test("options come in rank order; Express wins outright", () => {
    expect(order(result.options)).toEqual(["express:1", "django:2", "flask:3"]);
    expect(result.winners).toEqual(["express"]);
    expect(result.tiedWinner).toBe(false);
  });

  // Own score = percent(1/3 × perf + 2/3 × eco), over the criteria the member scored.
  test.each<{ member: string; ranking: string[]; scores: Record<string, number> }>([
    // Django 1/3·5 + 2/3·3 = 11/3; Express 1/3·3 + 2/3·5 = 13/3; Flask 4
    { member: "ada", ranking: ["express:1", "flask:2", "django:3"], scores: { express: 250 / 3, flask: 75, django: 200 / 3 } },
    // Django 1/3·4 + 2/3·2 = 8/3; Express 1/3·3 + 2/3·4 = 11/3; Flask: eco only → 3
    { member: "ben", ranking: ["express:1", "flask:2", "django:3"], scores: { express: 200 / 3, flask: 50, django: 125 / 3 } },
    // Django 1/3·5 + 2/3·4 = 13/3; Express 1/3·2 + 2/3·5 = 4; Flask 3
    { member: "cy", ranking: ["django:1", "express:2", "flask:3"], scores: { django: 250 / 3, express: 75, flask: 50 } },
  ])("$member's own ranking", ({ member, ranking, scores }) => {
    const entries = result.memberRankings[member] ?? [];
    expect(order(entries)).toEqual(ranking);
    for (const entry of entries) expectClose(entry.score, scores[entry.optionId]!);
  });

  test("Schulze and Borda agree on the winner", () => {
    // Ballots: Ada and Ben E>F>D, Cy D>E>F. d[E][D] 2:1, d[E][F] 3:0, d[F][D] 2:1.
    expect(result.schulze.pairwise).toEqual({
      django: { express: 1, flask: 1 },
      express: { django: 2, flask: 3 },
      flask: { django: 2, express: 0 },
    });
    expect(result.schulze.winners).toEqual(["express"]);
    expect(order(result.schulze.ranking)).toEqual(["express:1", "flask:2", "django:3"]);
    // Express 2 + 2 + 1 = 5; Django 0 + 0 + 2 = 2; Flask 1 + 1 + 0 = 2
    expect(result.borda.points).toEqual({ django: 2, express: 5, flask: 2 });
    expect(order(result.borda.ranking)).toEqual(["express:1", "django:2", "flask:2"]);
    expect(result.crossCheck).toEqual({
      agrees: true,
      weightedWinners: ["express"],
      schulzeWinners: ["express"],
      bordaWinners: ["express"],
      disagreements: [],
    });
  });

  test("consensus is moderate", () => {
    // Cell sds: four of √(2/9), one √(2/3), one 0.5. Mean ≈ (4·0.4714 + 0.8165 + 0.5) / 6 ≈ 0.5337.
    // 1 − 0.5337 / 2 ≈ 0.7332
    const meanDeviation = (4 * Math.sqrt(2 / 9) + Math.sqrt(2 / 3) + 0.5) / 6;
    expectClose(result.consensus?.value ?? null, 1 - meanDeviation / 2);
    expect(result.consensus?.label).toBe("moderate");
  });
});

// --- Edge cases ---

describe("tally: edge cases", () => {
  test("a single member", () => {
    const result = tally(
      decision({
        options: [DJANGO, EXPRESS, FLASK],
        criteria: [PERF, ECO],
        members: [ADA],
        weights: { ada: { perf: 3, eco: 1 } }, // 0.75 / 0.25
        scores: { ada: { django: { perf: 4, eco: 2 }, express: { perf: 2, eco: 5 } } },
      }),
    );
    // Django: 0.75 × 75 + 0.25 × 25 = 56.25 + 6.25 = 62.5
    // Express: 0.75 × 25 + 0.25 × 100 = 18.75 + 25 = 43.75
    expect(result.groupWeights).toEqual({ perf: 0.75, eco: 0.25 });
    expect(result.options.map((entry) => [entry.optionId, entry.score, entry.rank])).toEqual([
      ["django", 62.5, 1],
      ["express", 43.75, 2],
      ["flask", null, null],
    ]);
    expect(option(result, "django").perCriterion).toEqual({
      perf: { mean: 4, n: 1, sd: null, contribution: 56.25 },
      eco: { mean: 2, n: 1, sd: null, contribution: 6.25 },
    });
    expect(option(result, "django").spread).toBeNull(); // one own score is no spread
    expect(result.memberRankings["ada"]).toEqual([
      { optionId: "django", score: 62.5, rank: 1 },
      { optionId: "express", score: 43.75, rank: 2 },
      { optionId: "flask", score: null, rank: null },
    ]);
    expect(order(result.schulze.ranking)).toEqual(["django:1", "express:2", "flask:3"]);
    expect(result.borda.points).toEqual({ django: 2, express: 1, flask: 0 });
    expect(result.crossCheck.agrees).toBe(true);
    expect(result.consensus).toBeNull(); // no cell has two scores
  });

  test("everyone scoring everything the same: a three-way tie at rank 1", () => {
    const sameScores = { django: { perf: 3, eco: 3 }, express: { perf: 3, eco: 3 }, flask: { perf: 3, eco: 3 } };
    const result = tally(
      decision({
        options: [DJANGO, EXPRESS, FLASK],
        criteria: [PERF, ECO],
        members: [ADA, BEN, CY],
        weights: { ada: { perf: 10, eco: 1 }, ben: { perf: 2, eco: 9 }, cy: { perf: 5, eco: 5 } },
        scores: { ada: sameScores, ben: sameScores, cy: sameScores },
      }),
    );
    // Every cell mean is 3 → 50 whatever the weights.
    expect(result.options.map((entry) => [entry.optionId, entry.score, entry.rank])).toEqual([
      ["django", 50, 1],
      ["express", 50, 1],
      ["flask", 50, 1],
    ]);
    expect(result.winners).toEqual(["django", "express", "flask"]);
    expect(result.tiedWinner).toBe(true);
    expect(result.schulze.winners).toEqual(["django", "express", "flask"]);
    expect(result.borda.points).toEqual({ django: 3, express: 3, flask: 3 }); // 3 ballots × (0.5 + 0.5)
    expect(result.crossCheck.agrees).toBe(true);
    expect(result.consensus).toEqual({ value: 1, label: "strong" }); // every cell sd 0
    expect(option(result, "django").spread).toBe(0);
  });

  describe("a criterion everyone weights 0", () => {
    // Ada 2/2/0 → 0.5/0.5/0; Ben leaves cost out → 0.25/0.75/0. Group: perf 0.375, eco 0.625, cost 0.
    const withCostScores = (djangoCost: number, expressCost: number) =>
      decision({
        options: [DJANGO, EXPRESS, FLASK],
        criteria: [PERF, ECO, COST],
        members: [ADA, BEN],
        weights: { ada: { perf: 2, eco: 2, cost: 0 }, ben: { perf: 1, eco: 3 } },
        scores: {
          ada: { django: { perf: 4, eco: 4, cost: djangoCost }, express: { perf: 5, eco: 3, cost: expressCost }, flask: { cost: 5 } },
          ben: { django: { perf: 2, eco: 4, cost: djangoCost }, express: { perf: 5, eco: 3, cost: expressCost } },
        },
      });
    const cheapDjango = tally(withCostScores(5, 1));
    const cheapExpress = tally(withCostScores(1, 5));

    test("gets group weight 0, and a missing weight counted as 0", () => {
      expect(cheapDjango.groupWeights).toEqual({ perf: 0.375, eco: 0.625, cost: 0 });
      expect(cheapDjango.memberWeights["ben"]).toEqual({ perf: 0.25, eco: 0.75, cost: 0 });
    });

    test.each<{ optionId: string; score: number | null; rank: number | null; coverage: number }>([
      // perf (5+5)/2 = 5, eco 3: 0.375 × 5 + 0.625 × 3 = 3.75 → 68.75
      { optionId: "express", score: 68.75, rank: 1, coverage: 1 },
      // perf (4+2)/2 = 3, eco 4: 0.375 × 3 + 0.625 × 4 = 3.625 → 65.625
      { optionId: "django", score: 65.625, rank: 2, coverage: 1 },
      // only cost was scored: nothing with weight to score it by
      { optionId: "flask", score: null, rank: null, coverage: 1 / 3 },
    ])("$optionId: $score either way", ({ optionId, score, rank, coverage }) => {
      for (const result of [cheapDjango, cheapExpress]) {
        expect(option(result, optionId).score).toBe(score);
        expect(option(result, optionId).rank).toBe(rank);
        expect(option(result, optionId).coverage).toBe(coverage);
      }
    });

    test("its scores move no ranking and contribute 0", () => {
      expect(cheapExpress.winners).toEqual(cheapDjango.winners);
      expect(cheapExpress.memberRankings).toEqual(cheapDjango.memberRankings);
      expect(cheapExpress.schulze.ranking).toEqual(cheapDjango.schulze.ranking);
      expect(cheapExpress.borda.points).toEqual(cheapDjango.borda.points);
      expect(option(cheapDjango, "django").perCriterion["cost"]).toEqual({ mean: 5, n: 2, sd: 0, contribution: 0 });
      expect(option(cheapDjango, "flask").perCriterion["cost"]).toEqual({ mean: 5, n: 1, sd: null, contribution: null });
    });
  });

  test("an option nobody scored: null score and rank, listed last even though listed first", () => {
    const result = tally(
      decision({
        options: [GIN, DJANGO, EXPRESS],
        criteria: [PERF],
        members: [ADA, BEN],
        weights: { ada: { perf: 5 }, ben: { perf: 5 } },
        scores: { ada: { django: { perf: 4 }, express: { perf: 2 } }, ben: { django: { perf: 3 }, express: { perf: 2 } } },
      }),
    );
    // Django (4+3)/2 = 3.5 → 62.5; Express 2 → 25
    expect(result.options.map((entry) => [entry.optionId, entry.score, entry.rank, entry.coverage])).toEqual([
      ["django", 62.5, 1, 1],
      ["express", 25, 2, 1],
      ["gin", null, null, 0],
    ]);
    expect(option(result, "gin").perCriterion).toEqual({ perf: { mean: null, n: 0, sd: null, contribution: null } });
    expect(option(result, "gin").spread).toBeNull();
    // On every ballot Gin is unranked, so below both: Schulze beaten by both, no Borda points.
    expect(order(result.schulze.ranking)).toEqual(["django:1", "express:2", "gin:3"]);
    expect(result.borda.points).toEqual({ gin: 0, django: 4, express: 2 });
    expect(result.memberRankings["ada"]?.at(-1)).toEqual({ optionId: "gin", score: null, rank: null });
  });

  test("a member with all-zero weights does not count toward group weights, but their scores do", () => {
    const result = tally(
      decision({
        options: [DJANGO],
        criteria: [PERF, ECO],
        members: [ADA, BEN, CY],
        weights: { ada: { perf: 6, eco: 2 }, ben: { perf: 0, eco: 0 }, cy: { perf: 1, eco: 1 } },
        scores: { ada: { django: { perf: 5, eco: 5 } }, ben: { django: { perf: 1, eco: 1 } } },
      }),
    );
    // Counted: Ada 0.75/0.25 and Cy 0.5/0.5 → perf 1.25/2 = 0.625, eco 0.75/2 = 0.375.
    // (Counting Ben as zeros would have given perf 1.25/3.)
    expect(result.memberWeights).toEqual({ ada: { perf: 0.75, eco: 0.25 }, cy: { perf: 0.5, eco: 0.5 } });
    expect(result.groupWeights).toEqual({ perf: 0.625, eco: 0.375 });
    expect(result.weightsFallback).toBe(false);
    // Django: perf (5+1)/2 = 3, eco 3 → 50; Ben's 1s pulled it down from 100.
    expect(option(result, "django").score).toBe(50);
  });

  test.each<{ name: string; weights: WeightSheet }>([
    { name: "nobody weighted anything", weights: {} },
    { name: "the only weights are zeros", weights: { ada: { perf: 0, eco: 0 } } },
  ])("equal-weights fallback when $name", ({ weights }) => {
    const result = tally(
      decision({
        options: [DJANGO, EXPRESS],
        criteria: [PERF, ECO],
        members: [ADA, BEN],
        weights,
        scores: { ada: { django: { perf: 5, eco: 3 }, express: { perf: 2, eco: 2 } }, ben: { django: { perf: 5 } } },
      }),
    );
    expect(result.weightsFallback).toBe(true);
    expect(result.groupWeights).toEqual({ perf: 0.5, eco: 0.5 });
    expect(result.memberWeights).toEqual({});
    // Django: perf 5, eco 3 → 0.5 × 5 + 0.5 × 3 = 4 → 75; Express 2 → 25
    expect(result.options.map((entry) => [entry.optionId, entry.score])).toEqual([
      ["django", 75],
      ["express", 25],
    ]);
  });

  test("partial coverage is renormalised over the criteria with data, and contributions still add up", () => {
    const result = tally(
      decision({
        options: [DJANGO, GIN],
        criteria: [PERF, ECO],
        members: [ADA, BEN],
        weights: { ada: { perf: 1, eco: 2 }, ben: { perf: 1, eco: 2 } }, // 1/3, 2/3
        scores: {
          ada: { django: { perf: 4, eco: 4 }, gin: { eco: 4 } },
          ben: { django: { perf: 4, eco: 4 }, gin: { eco: 2 } },
        },
      }),
    );
    // Gin has eco only, mean 3: (2/3 × 3) / (2/3) = 3 → 50, not dragged down by the empty perf cell.
    const gin = option(result, "gin");
    expect(gin.score).toBe(50);
    expect(gin.coverage).toBe(0.5);
    expect(gin.perCriterion["perf"]).toEqual({ mean: null, n: 0, sd: null, contribution: null });
    // contribution: 2/3 × 50 / (2/3) = 50, the whole score
    expectClose(gin.perCriterion["eco"]?.contribution, 50);
    // Django 4 everywhere → 75, ahead of Gin.
    expect(order(result.options)).toEqual(["django:1", "gin:2"]);
  });

  test("no options, criteria or members: an empty tally", () => {
    const result = tally(decision({ options: [], criteria: [], members: [] }));
    expect(result).toEqual({
      groupWeights: {},
      weightsFallback: true,
      memberWeights: {},
      options: [],
      winners: [],
      tiedWinner: false,
      memberRankings: {},
      schulze: { winners: [], ranking: [], pairwise: {}, strongestPaths: {}, ballots: 0 },
      borda: { winners: [], points: {}, ranking: [], ballots: 0 },
      crossCheck: { agrees: true, weightedWinners: [], schulzeWinners: [], bordaWinners: [], disagreements: [] },
      consensus: null,
    });
  });

  test("options but no scores yet: no winners anywhere", () => {
    const result = tally(decision({ options: [DJANGO, EXPRESS], criteria: [PERF], members: [ADA], weights: { ada: { perf: 4 } } }));
    expect(order(result.options)).toEqual(["django:-", "express:-"]);
    expect(result.winners).toEqual([]);
    expect(result.tiedWinner).toBe(false);
    expect(result.schulze.winners).toEqual([]);
    expect(result.borda.winners).toEqual([]);
    expect(result.crossCheck.agrees).toBe(true);
  });
});

// --- Cross-check ---

describe("tally: cross-check against Schulze and Borda", () => {
  // One criterion, so each option's score is just its mean score.
  test.each<{ name: string; scores: ScoreSheet; weighted: string[]; schulze: string[]; borda: string[]; disagreements: string[] }>([
    {
      // Django 11/3 → 66⅔, Express 13/3 → 83⅓: Cy's strong view outweighs a narrow 2:1 majority for Django.
      name: "a strong minority carries the weighted score, the majority the ranked methods",
      scores: {
        ada: { django: { perf: 5 }, express: { perf: 4 } },
        ben: { django: { perf: 5 }, express: { perf: 4 } },
        cy: { django: { perf: 1 }, express: { perf: 5 } },
      },
      weighted: ["express"],
      schulze: ["django"], // d[Django][Express] = 2 > 1
      borda: ["django"], // Django 2, Express 1
      disagreements: [
        "Schulze ranks Django first; the weighted score ranks Express first.",
        "Borda ranks Django first; the weighted score ranks Express first.",
      ],
    },
    {
      // Django (5 + 1)/2 = 3 → 50, Express (1 + 4)/2 = 2.5 → 37.5; the ballots split 1:1.
      name: "the ballots tie where the weighted score does not",
      scores: { ada: { django: { perf: 5 }, express: { perf: 1 } }, ben: { django: { perf: 1 }, express: { perf: 4 } } },
      weighted: ["django"],
      schulze: ["django", "express"],
      borda: ["django", "express"],
      disagreements: [
        "Schulze ranks Django and Express joint first; the weighted score ranks Django first.",
        "Borda ranks Django and Express joint first; the weighted score ranks Django first.",
      ],
    },
    {
      // Django (5 + 5 + 1)/3 = 11/3, Express (4 + 4 + 3)/3 = 11/3: a weighted tie; 2:1 for Django on the ballots.
      name: "the weighted score ties where the ballots do not",
      scores: {
        ada: { django: { perf: 5 }, express: { perf: 4 } },
        ben: { django: { perf: 5 }, express: { perf: 4 } },
        cy: { django: { perf: 1 }, express: { perf: 3 } },
      },
      weighted: ["django", "express"],
      schulze: ["django"],
      borda: ["django"],
      disagreements: [
        "Schulze ranks Django first; the weighted score ranks Django and Express joint first.",
        "Borda ranks Django first; the weighted score ranks Django and Express joint first.",
      ],
    },
  ])("$name", ({ scores, weighted, schulze, borda, disagreements }) => {
    const result = tally(
      decision({
        options: [DJANGO, EXPRESS],
        criteria: [PERF],
        members: [ADA, BEN, CY],
        weights: { ada: { perf: 5 }, ben: { perf: 5 }, cy: { perf: 5 } },
        scores,
      }),
    );
    expect(result.crossCheck).toEqual({
      agrees: false,
      weightedWinners: weighted,
      schulzeWinners: schulze,
      bordaWinners: borda,
      disagreements,
    });
  });

  test("only the method that disagrees gets a sentence", () => {
    // Ballots A>B>C, A>B>C, B>C>A. Weighted (one criterion): A (5+5+1)/3 = 11/3, B (4+4+5)/3 = 13/3, C (1+1+4)/3 = 2.
    // Schulze: A beats B 2:1 and C 2:1 → A. Borda: A 2+2+0 = 4, B 1+1+2 = 4, C 0+0+1 = 1 → A and B.
    const result = tally(
      decision({
        options: [DJANGO, EXPRESS, FLASK],
        criteria: [PERF],
        members: [ADA, BEN, CY],
        weights: { ada: { perf: 5 }, ben: { perf: 5 }, cy: { perf: 5 } },
        scores: {
          ada: { django: { perf: 5 }, express: { perf: 4 }, flask: { perf: 1 } },
          ben: { django: { perf: 5 }, express: { perf: 4 }, flask: { perf: 1 } },
          cy: { django: { perf: 1 }, express: { perf: 5 }, flask: { perf: 4 } },
        },
      }),
    );
    expect(result.winners).toEqual(["express"]);
    expect(result.borda.points).toEqual({ django: 4, express: 4, flask: 1 });
    expect(result.crossCheck.disagreements).toEqual([
      "Schulze ranks Django first; the weighted score ranks Express first.",
      "Borda ranks Django and Express joint first; the weighted score ranks Express first.",
    ]);
  });
});

// --- Input handling ---

describe("tally: input handling", () => {
  const base = decision({
    options: [DJANGO, EXPRESS],
    criteria: [PERF, ECO],
    members: [ADA, BEN],
    weights: { ada: { perf: 3, eco: 1 }, ben: { perf: 1, eco: 1 } },
    scores: {
      ada: { django: { perf: 4, eco: 2 }, express: { perf: 3, eco: 5 } },
      ben: { django: { perf: 5, eco: 1 }, express: { eco: 4 } },
    },
  });

  test("rows about members, options or criteria not under consideration are ignored", () => {
    const withStrays: TallyInput = {
      ...base,
      weights: [...base.weights, { memberId: "left-the-team", criterionId: "perf", weight: 99 }, { memberId: "ada", criterionId: "retired", weight: 10 }],
      scores: [
        ...base.scores,
        { memberId: "left-the-team", optionId: "django", criterionId: "perf", score: 1 },
        { memberId: "ada", optionId: "off-the-shortlist", criterionId: "perf", score: 5 },
        { memberId: "ada", optionId: "django", criterionId: "retired", score: 0 },
      ],
    };
    expect(tally(withStrays)).toEqual(tally(base));
  });

  test("the order rows arrive in changes nothing, to the last bit", () => {
    const reversed: TallyInput = { ...base, weights: [...base.weights].reverse(), scores: [...base.scores].reverse() };
    expect(tally(reversed)).toStrictEqual(tally(base));
  });

  test.each<{ name: string; change: (input: TallyInput) => TallyInput }>([
    { name: "a weight above 10", change: (input) => ({ ...input, weights: [{ memberId: "ada", criterionId: "perf", weight: 11 }] }) },
    { name: "a negative weight", change: (input) => ({ ...input, weights: [{ memberId: "ada", criterionId: "perf", weight: -1 }] }) },
    { name: "a fractional weight", change: (input) => ({ ...input, weights: [{ memberId: "ada", criterionId: "perf", weight: 2.5 }] }) },
    { name: "a score of 0", change: (input) => ({ ...input, scores: [{ memberId: "ada", optionId: "django", criterionId: "perf", score: 0 }] }) },
    { name: "a score of 6", change: (input) => ({ ...input, scores: [{ memberId: "ada", optionId: "django", criterionId: "perf", score: 6 }] }) },
    { name: "a fractional score", change: (input) => ({ ...input, scores: [{ memberId: "ada", optionId: "django", criterionId: "perf", score: 3.5 }] }) },
    { name: "a NaN score", change: (input) => ({ ...input, scores: [{ memberId: "ada", optionId: "django", criterionId: "perf", score: Number.NaN }] }) },
    { name: "the same weight twice", change: (input) => ({ ...input, weights: [...input.weights, { memberId: "ben", criterionId: "eco", weight: 1 }] }) },
    {
      name: "the same cell scored twice",
      change: (input) => ({ ...input, scores: [...input.scores, { memberId: "ada", optionId: "express", criterionId: "eco", score: 5 }] }),
    },
    { name: "an option listed twice", change: (input) => ({ ...input, options: [DJANGO, EXPRESS, DJANGO] }) },
    { name: "a member listed twice", change: (input) => ({ ...input, members: [ADA, ADA] }) },
  ])("refuses $name", ({ change }) => {
    expect(() => tally(change(base))).toThrow(RangeError);
  });

  test("ids that name Object.prototype members are ordinary keys", () => {
    const result = tally(
      decision({
        options: [
          { id: "constructor", name: "Constructor" },
          { id: "toString", name: "ToString" },
        ],
        criteria: [{ id: "__proto__", name: "Proto" }],
        members: [{ id: "hasOwnProperty", name: "Has" }],
        // A computed key, because a literal `__proto__: 4` would not create a property at all.
        weights: { hasOwnProperty: { ["__proto__"]: 4 } },
        scores: { hasOwnProperty: { constructor: { ["__proto__"]: 5 }, toString: { ["__proto__"]: 1 } } },
      }),
    );
    expect(Object.hasOwn(result.groupWeights, "__proto__")).toBe(true);
    expect(result.groupWeights["__proto__"]).toBe(1);
    expect(result.memberWeights["hasOwnProperty"]).toEqual(Object.fromEntries([["__proto__", 1]]));
    expect(order(result.options)).toEqual(["constructor:1", "toString:2"]);
    expect(option(result, "constructor").perCriterion["__proto__"]?.contribution).toBe(100);
    expect(Object.getPrototypeOf(result.borda.points)).toBe(Object.prototype);
  });
});

// --- Size: 200 members × 10 options × 10 criteria ---

describe("tally: a large decision", () => {
  const memberCount = 200;
  const optionCount = 10;
  const criterionCount = 10;
  // A fixed linear congruential generator: the same "random" decision on every run and machine.
  let seed = 20_240_601;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const options = Array.from({ length: optionCount }, (_, index) => ({ id: `option-${index}`, name: `Framework ${index}` }));
  const criteria = Array.from({ length: criterionCount }, (_, index) => ({ id: `criterion-${index}`, name: `Criterion ${index}` }));
  const members = Array.from({ length: memberCount }, (_, index) => ({ id: `member-${index}`, name: `Member ${index}` }));
  const input: TallyInput = {
    options,
    criteria,
    members,
    weights: members.flatMap((member) => criteria.map((criterion) => ({ memberId: member.id, criterionId: criterion.id, weight: Math.floor(next() * 11) }))),
    scores: members.flatMap((member) =>
      options.flatMap((option_, optionNumber) =>
        criteria.map((criterion) => ({
          memberId: member.id,
          optionId: option_.id,
          criterionId: criterion.id,
          // Each option has a typical score, give or take one.
          score: Math.min(5, Math.max(1, 1 + (optionNumber % 5) + Math.floor(next() * 3) - 1)),
        })),
      ),
    ),
  };
  const result = tally(input);

  test("the input is the size we mean", () => {
    expect(input.scores).toHaveLength(20_000);
    expect(input.weights).toHaveLength(2_000);
  });

  test("every option is scored, ranked and fully covered, and its contributions add up", () => {
    expect(result.options).toHaveLength(optionCount);
    for (const entry of result.options) {
      expect(entry.score).toBeGreaterThanOrEqual(0);
      expect(entry.score).toBeLessThanOrEqual(100);
      expect(entry.rank).not.toBeNull();
      expect(entry.coverage).toBe(1);
      expect(entry.spread).not.toBeNull();
      const cells = Object.values(entry.perCriterion);
      expect(cells).toHaveLength(criterionCount);
      expect(cells.every((cell) => cell.n === memberCount)).toBe(true);
      expectClose(
        cells.reduce((sum, cell) => sum + (cell.contribution ?? 0), 0),
        entry.score,
      );
    }
    expect(result.winners.length).toBeGreaterThan(0);
  });

  test("group weights sum to 1", () => {
    expectClose(
      Object.values(result.groupWeights).reduce((sum, weight) => sum + weight, 0),
      1,
    );
  });

  test("every member has a full own ranking and casts a ballot", () => {
    expect(Object.keys(result.memberRankings)).toHaveLength(memberCount);
    expect(Object.values(result.memberRankings).every((ranking) => ranking.length === optionCount)).toBe(true);
    expect(result.schulze.ballots).toBe(memberCount);
    expect(Object.values(result.schulze.pairwise).every((row) => Object.keys(row).length === optionCount - 1)).toBe(true);
    // Each ballot hands out 10 × 9 / 2 = 45 Borda points in all.
    expect(Object.values(result.borda.points).reduce((sum, points) => sum + points, 0)).toBe(memberCount * 45);
    expect(result.consensus).not.toBeNull();
  });
});
