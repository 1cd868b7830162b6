import { describe, expect, test } from "vitest";
import { SeededRandom } from "@/lib/domain/random";
import { tally, type TallyInput, weightedScore } from "@/lib/domain/tally";
import { basisWeights, flatMeans, rankWithWeights, type ScoreBasis, scoreBasis, winnersInto } from "@/lib/domain/what-if";

// --- Building inputs the way a person would write them down (as in tally.test.ts) ---

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

/** Compact order: "id:rank", "-" for unranked. */
const order = (entries: { optionId: string; rank: number | null }[]) => entries.map(({ optionId, rank }) => `${optionId}:${rank ?? "-"}`);

/** tally.test.ts's worked example: 3 members × 3 options × 2 criteria; Ben did not score Flask's performance. */
const WORKED = decision({
  options: [DJANGO, EXPRESS, FLASK],
  criteria: [PERF, ECO],
  members: [ADA, BEN, CY],
  weights: { ada: { perf: 6, eco: 2 }, ben: { perf: 1, eco: 3 }, cy: { perf: 0, eco: 4 } },
  scores: {
    ada: { django: { perf: 5, eco: 3 }, express: { perf: 3, eco: 5 }, flask: { perf: 4, eco: 4 } },
    ben: { django: { perf: 4, eco: 2 }, express: { perf: 3, eco: 4 }, flask: { eco: 3 } },
    cy: { django: { perf: 5, eco: 4 }, express: { perf: 2, eco: 5 }, flask: { perf: 3, eco: 3 } },
  },
});

/** Partial coverage: Gin was scored on the ecosystem only. Group weights 1/3, 2/3. */
const PARTIAL = decision({
  options: [DJANGO, GIN],
  criteria: [PERF, ECO],
  members: [ADA, BEN],
  weights: { ada: { perf: 1, eco: 2 }, ben: { perf: 1, eco: 2 } },
  scores: { ada: { django: { perf: 4, eco: 4 }, gin: { eco: 4 } }, ben: { django: { perf: 4, eco: 4 }, gin: { eco: 2 } } },
});

/** A zero-weight criterion: nobody weighted cost, and Flask was scored on cost only. */
const ZERO_WEIGHT = decision({
  options: [DJANGO, EXPRESS, FLASK],
  criteria: [PERF, ECO, COST],
  members: [ADA, BEN],
  weights: { ada: { perf: 3, eco: 5, cost: 0 }, ben: { perf: 1, eco: 3 } },
  scores: {
    ada: { django: { perf: 4, eco: 4, cost: 5 }, express: { perf: 5, eco: 3, cost: 1 }, flask: { cost: 5 } },
    ben: { django: { perf: 2, eco: 4, cost: 5 }, express: { perf: 5, eco: 3, cost: 1 } },
  },
});

/** Nobody weighted anything: every criterion weighs the same (tally's fallback). Gin unscored. */
const FALLBACK = decision({
  options: [GIN, DJANGO, EXPRESS],
  criteria: [PERF, ECO],
  members: [ADA, BEN],
  scores: { ada: { django: { perf: 5, eco: 3 }, express: { perf: 2, eco: 2 } }, ben: { django: { perf: 5 } } },
});

/** A weighted tie: Django (5 + 5 + 1)/3 = 11/3 and Express (4 + 4 + 3)/3 = 11/3. */
const TIE = decision({
  options: [DJANGO, EXPRESS],
  criteria: [PERF],
  members: [ADA, BEN, CY],
  weights: { ada: { perf: 5 }, ben: { perf: 5 }, cy: { perf: 5 } },
  scores: {
    ada: { django: { perf: 5 }, express: { perf: 4 } },
    ben: { django: { perf: 5 }, express: { perf: 4 } },
    cy: { django: { perf: 1 }, express: { perf: 3 } },
  },
});

/** Many members, options and criteria, about a quarter of the cells and weights left out. */
function randomDecision(seed: number, optionCount: number, criterionCount: number, memberCount: number): TallyInput {
  const random = new SeededRandom(seed);
  const options = Array.from({ length: optionCount }, (_, index) => ({ id: `option-${index}`, name: `Option ${index}` }));
  const criteria = Array.from({ length: criterionCount }, (_, index) => ({ id: `criterion-${index}`, name: `Criterion ${index}` }));
  const members = Array.from({ length: memberCount }, (_, index) => ({ id: `member-${index}`, name: `Member ${index}` }));
  return {
    options,
    criteria,
    members,
    weights: members.flatMap((member) =>
      criteria.flatMap((criterion) =>
        random.next() < 0.75 ? [{ memberId: member.id, criterionId: criterion.id, weight: Math.floor(random.next() * 11) }] : [],
      ),
    ),
    scores: members.flatMap((member) =>
      options.flatMap((option) =>
        criteria.flatMap((criterion) =>
          random.next() < 0.75 ? [{ memberId: member.id, optionId: option.id, criterionId: criterion.id, score: 1 + Math.floor(random.next() * 5) }] : [],
        ),
      ),
    ),
  };
}

describe("scoreBasis", () => {
  test("the worked example: one mean per cell, in input order, and the group weights", () => {
    expect(scoreBasis(WORKED)).toEqual({
      options: [DJANGO, EXPRESS, FLASK],
      criteria: [PERF, ECO],
      means: [
        [14 / 3, 3], // Django: perf (5 + 4 + 5)/3, eco (3 + 2 + 4)/3
        [8 / 3, 14 / 3], // Express: perf (3 + 3 + 2)/3, eco (5 + 4 + 5)/3
        [3.5, 10 / 3], // Flask: perf (4 + 3)/2, eco (4 + 3 + 3)/3
      ],
      groupWeights: [1 / 3, 2 / 3], // (0.75 + 0.25 + 0)/3, (0.25 + 0.75 + 1)/3
    });
  });

  test("a cell nobody scored is null; options stay in input order, not rank order", () => {
    const basis = scoreBasis(PARTIAL);
    expect(basis.means).toEqual([
      [4, 4], // Django
      [null, 3], // Gin: eco (4 + 2)/2, perf never scored
    ]);
    expect(scoreBasis(FALLBACK).options.map(({ id }) => id)).toEqual(["gin", "django", "express"]); // Gin is ranked last
    expect(scoreBasis(FALLBACK).means[0]).toEqual([null, null]);
  });

  test("takes a tally already computed, with the same result", () => {
    const computed = tally(WORKED);
    expect(scoreBasis(WORKED, computed)).toEqual(scoreBasis(WORKED));
  });

  test("refuses a tally of a different input", () => {
    expect(() => scoreBasis(WORKED, tally(PARTIAL))).toThrow(RangeError);
    expect(() => scoreBasis(ZERO_WEIGHT, tally(WORKED))).toThrow(RangeError);
  });

  test("is plain JSON: it survives the trip to the browser unchanged", () => {
    const basis = scoreBasis(ZERO_WEIGHT);
    expect(JSON.parse(JSON.stringify(basis))).toStrictEqual(basis);
  });

  test("basisWeights keys the group weights by criterion", () => {
    // Ada 3/8, 5/8, 0; Ben 1/4, 3/4 (cost missing → 0): perf (0.375 + 0.25)/2, eco (0.625 + 0.75)/2
    expect(basisWeights(scoreBasis(ZERO_WEIGHT))).toEqual({ perf: 0.3125, eco: 0.6875, cost: 0 });
  });
});

describe("rankWithWeights reproduces tally() exactly with the tally's own group weights", () => {
  test.each<{ name: string; input: TallyInput }>([
    { name: "the worked example", input: WORKED },
    { name: "partial coverage", input: PARTIAL },
    { name: "a zero-weight criterion and an option scored only on it", input: ZERO_WEIGHT },
    { name: "the equal-weights fallback with an unscored option", input: FALLBACK },
    { name: "a weighted tie", input: TIE },
    { name: "no scores yet", input: decision({ options: [DJANGO, EXPRESS], criteria: [PERF], members: [ADA], weights: { ada: { perf: 4 } } }) },
    { name: "a random 6 × 5 decision with gaps", input: randomDecision(1, 6, 5, 4) },
    { name: "a random 10 × 10 decision with gaps", input: randomDecision(2, 10, 10, 12) },
    { name: "a random 3 × 7 decision with gaps", input: randomDecision(3, 3, 7, 2) },
  ])("$name", ({ input }) => {
    const result = tally(input);
    const whatIf = rankWithWeights(scoreBasis(input, result), result.groupWeights);
    // toBe on every score: the same function on the same numbers, so the same bits.
    expect(whatIf.options.map(({ optionId, score, rank }) => ({ optionId, score, rank }))).toStrictEqual(
      result.options.map(({ optionId, score, rank }) => ({ optionId, score, rank })),
    );
    expect(whatIf.winners).toEqual(result.winners);
  });
});

describe("rankWithWeights: other weights", () => {
  const basis = scoreBasis(WORKED);

  test.each<{ name: string; weights: Record<string, number>; scores: Record<string, number>; order: string[] }>([
    {
      // Performance only: Django 14/3 → (11/3)/4 × 100 = 275/3; Flask 3.5 → 62.5; Express 8/3 → 125/3
      name: "a slider at 100 and one at 0",
      weights: { perf: 100, eco: 0 },
      scores: { django: 275 / 3, flask: 62.5, express: 125 / 3 },
      order: ["django:1", "flask:2", "express:3"],
    },
    {
      // Half and half: Django (14/3 + 3)/2 = 23/6 → (17/6)/4 × 100 = 425/6 ≈ 70.83;
      // Express (8/3 + 14/3)/2 = 11/3 → 200/3 ≈ 66.67; Flask (3.5 + 10/3)/2 = 41/12 → (29/12)/4 × 100 = 725/12 ≈ 60.42
      name: "equal sliders",
      weights: { perf: 50, eco: 50 },
      scores: { django: 425 / 6, express: 200 / 3, flask: 725 / 12 },
      order: ["django:1", "express:2", "flask:3"],
    },
    {
      // A quarter on performance: Express 1/4 × 8/3 + 3/4 × 14/3 = 50/12 = 25/6 → (19/6)/4 × 100 = 475/6 ≈ 79.17
      // Django 1/4 × 14/3 + 3/4 × 3 = 41/12 → 725/12 ≈ 60.42; Flask 1/4 × 3.5 + 3/4 × 10/3 = 27/8 → 59.375
      name: "fractions",
      weights: { perf: 0.25, eco: 0.75 },
      scores: { express: 475 / 6, django: 725 / 12, flask: 59.375 },
      order: ["express:1", "django:2", "flask:3"],
    },
  ])("$name", ({ weights, scores, order: expected }) => {
    const result = rankWithWeights(basis, weights);
    expect(order(result.options)).toEqual(expected);
    for (const { optionId, score } of result.options) expect(score).toBeCloseTo(scores[optionId]!, 9);
  });

  test("the scale of the weights does not matter: 25/75, 1/3 and 0.25/0.75 rank alike", () => {
    const fractions = rankWithWeights(basis, { perf: 0.25, eco: 0.75 });
    for (const weights of [
      { perf: 25, eco: 75 },
      { perf: 1, eco: 3 },
    ]) {
      const result = rankWithWeights(basis, weights);
      expect(order(result.options)).toEqual(order(fractions.options));
      result.options.forEach(({ score }, index) => expect(score).toBeCloseTo(fractions.options[index]!.score!, 9));
    }
  });

  test("reports the weights as fractions summing to 1", () => {
    expect(rankWithWeights(basis, { perf: 30, eco: 90 }).weights).toEqual({ perf: 0.25, eco: 0.75 }); // 30/120, 90/120
  });

  test("all weights 0: every option unscored and unranked, in basis order, no winner", () => {
    const result = rankWithWeights(basis, { perf: 0, eco: 0 });
    expect(order(result.options)).toEqual(["django:-", "express:-", "flask:-"]);
    expect(result.options.every(({ score }) => score === null)).toBe(true);
    expect(result.winners).toEqual([]);
    expect(result.weights).toEqual({ perf: 0, eco: 0 });
  });

  test("a missing criterion counts as 0 and an unknown id is ignored", () => {
    // Same as performance only.
    const result = rankWithWeights(basis, { perf: 7, retired: 50 });
    expect(result.options).toEqual(rankWithWeights(basis, { perf: 1, eco: 0 }).options);
    expect(result.weights).toEqual({ perf: 1, eco: 0 });
  });

  test("partial coverage: Gin keeps its ecosystem mean, 3 → 50, at any weight on the ecosystem, and none without", () => {
    const partial = scoreBasis(PARTIAL);
    for (const eco of [1, 20, 99]) {
      const result = rankWithWeights(partial, { perf: 100 - eco, eco });
      expect(result.options.find(({ optionId }) => optionId === "gin")?.score).toBe(50);
    }
    // Performance only: Django 4 → 75; Gin has no performance score, so no score at all.
    expect(order(rankWithWeights(partial, { perf: 1, eco: 0 }).options)).toEqual(["django:1", "gin:-"]);
  });

  test("a zero-weight criterion given weight brings in the option scored only on it", () => {
    const zero = scoreBasis(ZERO_WEIGHT);
    // Tally's weights: Django perf (4 + 2)/2 = 3 → 50, eco 4 → 75: 0.3125 × 50 + 0.6875 × 75 = 67.1875;
    // Express perf 5 → 100, eco 3 → 50: 31.25 + 34.375 = 65.625; Flask (cost only) unscored.
    const atTally = rankWithWeights(zero, basisWeights(zero));
    expect(order(atTally.options)).toEqual(["django:1", "express:2", "flask:-"]);
    expect(atTally.options.map(({ score }) => score)).toEqual([67.1875, 65.625, null]);
    // Cost only: Django 5 → 100, Flask 5 → 100 (tie), Express 1 → 0.
    const costOnly = rankWithWeights(zero, { cost: 1 });
    expect(order(costOnly.options)).toEqual(["django:1", "flask:1", "express:3"]);
    expect(costOnly.winners).toEqual(["django", "flask"]);
  });

  test.each<{ name: string; weight: number }>([
    { name: "a negative weight", weight: -1 },
    { name: "NaN", weight: Number.NaN },
    { name: "Infinity", weight: Infinity },
  ])("refuses $name", ({ weight }) => {
    expect(() => rankWithWeights(basis, { perf: 1, eco: weight })).toThrow(RangeError);
  });
});

describe("flatMeans and winnersInto", () => {
  const basis: ScoreBasis = {
    options: [DJANGO, EXPRESS],
    criteria: [PERF, ECO],
    means: [
      [4, null],
      [2.5, 5],
    ],
    groupWeights: [0.5, 0.5],
  };

  test("flatMeans lays the grid out option by option, NaN for no data", () => {
    expect(Array.from(flatMeans(basis))).toEqual([4, Number.NaN, 2.5, 5]);
  });

  test.each<{ name: string; change: (basis: ScoreBasis) => ScoreBasis }>([
    { name: "a missing row", change: (b) => ({ ...b, means: [b.means[0]!] }) },
    { name: "a short row", change: (b) => ({ ...b, means: [[4], [2.5, 5]] }) },
    {
      name: "a mean below 1",
      change: (b) => ({
        ...b,
        means: [
          [0.5, null],
          [2.5, 5],
        ],
      }),
    },
    {
      name: "a mean above 5",
      change: (b) => ({
        ...b,
        means: [
          [6, null],
          [2.5, 5],
        ],
      }),
    },
    {
      name: "a NaN mean",
      change: (b) => ({
        ...b,
        means: [
          [Number.NaN, null],
          [2.5, 5],
        ],
      }),
    },
  ])("flatMeans refuses $name", ({ change }) => {
    expect(() => flatMeans(change(basis))).toThrow(RangeError);
  });

  test.each<{ name: string; scores: number[]; winners: number[] }>([
    { name: "one highest", scores: [10, 30, 20], winners: [1] },
    { name: "a tie at the top, in input order", scores: [30, 10, 30], winners: [0, 2] },
    { name: "closer than 1e-9 is a tie", scores: [50, 50 - 1e-10, 49], winners: [0, 1] },
    { name: "unscored options never win", scores: [Number.NaN, 5, Number.NaN], winners: [1] },
    { name: "nobody scored", scores: [Number.NaN, Number.NaN], winners: [] },
    { name: "no options", scores: [], winners: [] },
  ])("winnersInto: $name", ({ scores, winners }) => {
    const into = new Int32Array(scores.length);
    const count = winnersInto(scores, into);
    expect(Array.from(into.subarray(0, count))).toEqual(winners);
  });

  test("weightedScore on the flat grid: Django 4 on perf only → 75; Express (2.5 + 5)/2 = 3.75 → 68.75", () => {
    const means = flatMeans(basis);
    expect(weightedScore([0.5, 0.5], means, 0)).toBe(75);
    expect(weightedScore([0.5, 0.5], means, 2)).toBe(68.75);
    // With contributions: Express 0.5 × 37.5 = 18.75 and 0.5 × 100 = 50.
    const contributions = new Float64Array(2);
    weightedScore([0.5, 0.5], means, 2, contributions);
    expect(Array.from(contributions)).toEqual([18.75, 50]);
  });
});
