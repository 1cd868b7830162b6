import { describe, expect, test } from "vitest";
import { SeededRandom } from "@/lib/domain/random";
import { describeSensitivity, formatPercentPair, type SensitivityReport, sensitivity, type WeightInterval } from "@/lib/domain/sensitivity";
import { rankWithWeights, type ScoreBasis } from "@/lib/domain/what-if";

// --- Bases written down by hand: means on 1..5 (percent = (mean − 1)/4 × 100), null = no data ---

const NAMES: Record<string, string> = {
  django: "Django",
  spring: "Spring Boot",
  flask: "Flask",
  perf: "Performance",
  scale: "Scalability",
  eco: "Ecosystem",
  cost: "Cost",
};

/** basis({ django: [5, 1], spring: [2, 4] }, { perf: 0.6, scale: 0.4 }) */
function basis(means: Record<string, (number | null)[]>, weights: Record<string, number>): ScoreBasis {
  return {
    options: Object.keys(means).map((id) => ({ id, name: NAMES[id] ?? id })),
    criteria: Object.keys(weights).map((id) => ({ id, name: NAMES[id] ?? id })),
    means: Object.values(means),
    groupWeights: Object.values(weights),
  };
}

/** An interval with its ends as [low, high] and takeovers as [below, above], for compact tables. */
type Expected = { weight: number; ends: [number, number]; takeovers: [string | null, string | null] };

function expectInterval(report: SensitivityReport, criterionId: string, { weight, ends, takeovers }: Expected) {
  const interval: WeightInterval | undefined = report.criteria.find((entry) => entry.criterionId === criterionId);
  expect(interval).toBeDefined();
  expect(interval!.weight).toBeCloseTo(weight, 12);
  expect(interval!.low).toBeCloseTo(ends[0], 9);
  expect(interval!.high).toBeCloseTo(ends[1], 9);
  expect([interval!.belowTakeover, interval!.aboveTakeover]).toEqual(takeovers);
}

/** Every criterion's interval, in basis order. */
function expectIntervals(report: SensitivityReport, expected: Record<string, Expected>) {
  expect(report.criteria.map(({ criterionId }) => criterionId)).toEqual(Object.keys(expected));
  for (const [criterionId, interval] of Object.entries(expected)) expectInterval(report, criterionId, interval);
}

// --- Hand-computed cases ---

describe("sensitivity: two options, two criteria, full coverage", () => {
  // Django (5, 1) → (100, 0); Spring Boot (2, 4) → (25, 75). Weights 0.6 / 0.4:
  // Django 60, Spring Boot 15 + 30 = 45. With performance at t and scalability at 1 − t:
  // Django 100t, Spring Boot 25t + 75(1 − t) = 75 − 50t; level where 150t = 75, t = 0.5.
  const twoByTwo = basis({ django: [5, 1], spring: [2, 4] }, { perf: 0.6, scale: 0.4 });
  const report = sensitivity(twoByTwo);

  test("Django wins outright", () => {
    expect(report.status).toBe("unique");
    expect(report.winners).toEqual(["django"]);
    expect(report.subjectId).toBe("django");
  });

  test("the crossing is at performance 50%, scalability 50%", () => {
    expectIntervals(report, {
      perf: { weight: 0.6, ends: [0.5, 1], takeovers: ["spring", null] },
      scale: { weight: 0.4, ends: [0, 0.5], takeovers: [null, "spring"] },
    });
  });

  test("the smallest flip is 10 points; lowering the first criterion is the same move as raising the second", () => {
    expect(report.smallestFlip).toMatchObject({ criterionId: "perf", direction: "lower", from: 0.6, newWinnerId: "spring" });
    expect(report.smallestFlip?.to).toBeCloseTo(0.5, 12);
    expect(report.smallestFlip?.delta).toBeCloseTo(0.1, 12);
    expect(describeSensitivity(twoByTwo, report)).toBe("Lowering Performance from 60% to 50% would make Spring Boot the winner.");
  });

  test("the ends are ties, and just beyond them the takeover leads (checked with rankWithWeights)", () => {
    // At 0.5: both 50. At 0.499: Django 49.9, Spring Boot 50.05.
    expect(rankWithWeights(twoByTwo, { perf: 0.5, scale: 0.5 }).winners).toEqual(["django", "spring"]);
    expect(rankWithWeights(twoByTwo, { perf: 0.499, scale: 0.501 }).winners).toEqual(["spring"]);
  });

  test("other weights can be analysed: at 40/60 Spring Boot leads, and Django takes over past 50%", () => {
    // Django 40; Spring Boot 10 + 45 = 55.
    const other = sensitivity(twoByTwo, { weights: { perf: 40, scale: 60 } });
    expect(other.winners).toEqual(["spring"]);
    expectIntervals(other, {
      perf: { weight: 0.4, ends: [0, 0.5], takeovers: [null, "django"] },
      scale: { weight: 0.6, ends: [0.5, 1], takeovers: ["django", null] },
    });
    expect(describeSensitivity(twoByTwo, other)).toBe("Raising Performance from 40% to 50% would make Django the winner.");
  });
});

describe("sensitivity: three criteria, the others keep their proportions", () => {
  // Django (5, 1, 3) → (100, 0, 50); Spring Boot (2, 4, 3) → (25, 75, 50). Weights 0.5 / 0.3 / 0.2:
  // Django 50 + 0 + 10 = 60; Spring Boot 12.5 + 22.5 + 10 = 45.
  const three = basis({ django: [5, 1, 3], spring: [2, 4, 3] }, { perf: 0.5, scale: 0.3, cost: 0.2 });
  const report = sensitivity(three);

  test.each<{ criterion: string; expected: Expected }>([
    // Others 0.3 : 0.2 → 0.6 : 0.4. Django 100t + (1 − t)(0 + 20) = 20 + 80t; Spring Boot 25t + (1 − t)(45 + 20) = 65 − 40t.
    // Level: 120t = 45, t = 3/8.
    { criterion: "perf", expected: { weight: 0.5, ends: [0.375, 1], takeovers: ["spring", null] } },
    // Others 0.5 : 0.2 → 5/7 : 2/7. Django (1 − t)(500/7 + 100/7) = (1 − t)·600/7; Spring Boot 75t + (1 − t)(125/7 + 100/7).
    // Level: (1 − t)·375/7 = 75t → 375 = 900t, t = 5/12.
    { criterion: "scale", expected: { weight: 0.3, ends: [0, 5 / 12], takeovers: [null, "spring"] } },
    // Others 0.5 : 0.3 → 5/8 : 3/8. Both 50 on cost; Django − Spring Boot = (1 − t)(62.5 − 43.75) ≥ 0, level only at t = 1.
    { criterion: "cost", expected: { weight: 0.2, ends: [0, 1], takeovers: [null, null] } },
  ])("$criterion", ({ criterion, expected }) => {
    expectInterval(report, criterion, expected);
  });

  test("the smallest flip raises scalability by 7/60, less than lowering performance by 1/8", () => {
    // 5/12 − 0.3 = 7/60 ≈ 0.1167 < 0.5 − 0.375 = 0.125
    expect(report.smallestFlip).toMatchObject({ criterionId: "scale", direction: "raise", from: 0.3, newWinnerId: "spring" });
    expect(report.smallestFlip?.to).toBeCloseTo(5 / 12, 12);
    expect(report.smallestFlip?.delta).toBeCloseTo(7 / 60, 12);
    expect(describeSensitivity(three, report)).toBe("Raising Scalability from 30% to 42% would make Spring Boot the winner.");
  });
});

describe("sensitivity: nothing can flip a dominating winner", () => {
  // Django is best on every criterion, so it wins at every weighting.
  const dominating = basis({ django: [5, 5], spring: [3, 4], flask: [1, 2] }, { perf: 0.7, scale: 0.3 });
  const report = sensitivity(dominating);

  test("every interval is [0, 1] with no takeover", () => {
    expectIntervals(report, {
      perf: { weight: 0.7, ends: [0, 1], takeovers: [null, null] },
      scale: { weight: 0.3, ends: [0, 1], takeovers: [null, null] },
    });
  });

  test("no smallest flip, and the sentence says so", () => {
    expect(report.smallestFlip).toBeNull();
    expect(describeSensitivity(dominating, report)).toBe("No change to any single weight changes the winner.");
  });
});

describe("sensitivity: a tie at the top", () => {
  // Django (5, 1) → (100, 0) and Spring Boot (1, 5) → (0, 100) at 0.5 / 0.5: both 50.
  // Django 100t, Spring Boot 100(1 − t): Django holds (joint or alone) for t ≥ 0.5.
  const tied = basis({ django: [5, 1], spring: [1, 5] }, { perf: 0.5, scale: 0.5 });

  test("is reported as a tie, with intervals for the first tied winner and no flip", () => {
    const report = sensitivity(tied);
    expect(report.status).toBe("tie");
    expect(report.winners).toEqual(["django", "spring"]);
    expect(report.subjectId).toBe("django");
    expectIntervals(report, {
      perf: { weight: 0.5, ends: [0.5, 1], takeovers: ["spring", null] },
      scale: { weight: 0.5, ends: [0, 0.5], takeovers: [null, "spring"] },
    });
    expect(report.smallestFlip).toBeNull();
    expect(describeSensitivity(tied, report)).toBe("Django and Spring Boot are tied for first place, so there is no single winner to test.");
  });

  test("can follow the other tied winner", () => {
    const report = sensitivity(tied, { subjectId: "spring" });
    expect(report.subjectId).toBe("spring");
    expectIntervals(report, {
      perf: { weight: 0.5, ends: [0, 0.5], takeovers: [null, "django"] },
      scale: { weight: 0.5, ends: [0.5, 1], takeovers: ["django", null] },
    });
  });

  test("two identical options stay joint winners at every weighting", () => {
    // Both (4, 2); Flask (1, 1) is last everywhere.
    const twins = basis({ django: [4, 2], spring: [4, 2], flask: [1, 1] }, { perf: 0.5, scale: 0.5 });
    const report = sensitivity(twins);
    expect(report.status).toBe("tie");
    expectIntervals(report, {
      perf: { weight: 0.5, ends: [0, 1], takeovers: [null, null] },
      scale: { weight: 0.5, ends: [0, 1], takeovers: [null, null] },
    });
  });

  test("refuses to follow an option that is not a winner", () => {
    const flaskLast = basis({ django: [5, 1], spring: [1, 5], flask: [1, 1] }, { perf: 0.5, scale: 0.5 });
    expect(() => sensitivity(flaskLast, { subjectId: "flask" })).toThrow(RangeError);
    expect(() => sensitivity(flaskLast, { subjectId: "nobody" })).toThrow(RangeError);
  });
});

describe("sensitivity: partial coverage, where scores are linear-fractional", () => {
  // Django: perf 5 (100), eco 1 (0), no cost. Spring Boot: no perf, eco 4 (75), cost 3 (50).
  // Weights 0.5 / 0.25 / 0.25. Django (50 + 0)/0.75 = 66.67; Spring Boot (18.75 + 12.5)/0.5 = 62.5.
  const partial = basis({ django: [5, 1, null], spring: [null, 4, 3] }, { perf: 0.5, eco: 0.25, cost: 0.25 });
  const report = sensitivity(partial);

  test("performance: Django 200t/(1 + t) against a constant 62.5, level at t = 5/11", () => {
    // Others 0.25 : 0.25 → 1/2 : 1/2. Django (100t + 0)/(t + (1 − t)/2) = 200t/(1 + t).
    // Spring Boot has no performance data: (37.5 + 25)(1 − t)/(1 − t) = 62.5 for every t below 1.
    // 200t = 62.5 + 62.5t → t = 62.5/137.5 = 5/11. At t = 1 Spring Boot has no score; Django 100 holds.
    expectInterval(report, "perf", { weight: 0.5, ends: [5 / 11, 1], takeovers: ["spring", null] });
  });

  test("ecosystem: two linear-fractional scores cross at a root of a quadratic, (6√3 − 4)/23", () => {
    // Others 0.5 : 0.25 → 2/3 : 1/3. Django (200/3)(1 − u)/((2/3)(1 − u) + u) = 200(1 − u)/(2 + u);
    // Spring Boot (75u + (50/3)(1 − u))/(u + (1 − u)/3) = (50 + 175u)/(1 + 2u).
    // Level: 200(1 − u)(1 + 2u) = (50 + 175u)(2 + u) → 575u² + 200u − 100 = 0 → 23u² + 8u − 4 = 0
    // → u = (−8 + √(64 + 368))/46 = (−4 + 6√3)/23 ≈ 0.2779. At u = 0 Django 100 against 50 holds.
    expectInterval(report, "eco", { weight: 0.25, ends: [0, (6 * Math.sqrt(3) - 4) / 23], takeovers: [null, "spring"] });
  });

  test("cost: level at 1/7 below, and at 100% Django loses its score, so Spring Boot takes over at the end", () => {
    // Others 0.5 : 0.25 → 2/3 : 1/3. Django has no cost data: (200/3)(1 − v)/(1 − v) = 66.67 for v below 1.
    // Spring Boot (25(1 − v) + 50v)/((1 − v)/3 + v) = 75(1 + v)/(1 + 2v): 75 at v = 0, falling to 50 at v = 1.
    // Level: 225(1 + v) = 200(1 + 2v) → 25 = 175v → v = 1/7. At v = 1 only cost weighs: Django unscored.
    expectInterval(report, "cost", { weight: 0.25, ends: [1 / 7, 1], takeovers: ["spring", "spring"] });
    expect(rankWithWeights(partial, { cost: 1 }).winners).toEqual(["spring"]);
  });

  test("the smallest flip is raising the ecosystem by about 2.8 points", () => {
    // Candidates: perf 0.5 − 5/11 ≈ 0.0455; eco 0.2779 − 0.25 ≈ 0.0279; cost 0.25 − 1/7 ≈ 0.107; cost to 100%: 0.75.
    expect(report.smallestFlip).toMatchObject({ criterionId: "eco", direction: "raise", from: 0.25, newWinnerId: "spring" });
    expect(report.smallestFlip?.delta).toBeCloseTo((6 * Math.sqrt(3) - 4) / 23 - 0.25, 9);
    expect(describeSensitivity(partial, report)).toBe("Raising Ecosystem from 25% to 28% would make Spring Boot the winner.");
  });
});

describe("sensitivity: zero-weight criteria", () => {
  // Django (5, 1, 1) → (100, 0, 0); Spring Boot (3, 3, 5) → (50, 50, 100). Weights 0.75 / 0.25 / 0:
  // Django 75; Spring Boot 37.5 + 12.5 = 50.
  const zero = basis({ django: [5, 1, 1], spring: [3, 3, 5] }, { perf: 0.75, eco: 0.25, cost: 0 });

  test("a zero weight keeps 0 while another moves, and can itself be raised", () => {
    const report = sensitivity(zero);
    expectIntervals(report, {
      // Others 0.25 : 0 → eco takes all the rest. Django 100t; Spring Boot 50t + 50(1 − t) = 50 → t = 0.5.
      perf: { weight: 0.75, ends: [0.5, 1], takeovers: ["spring", null] },
      // Others 0.75 : 0 → perf takes all the rest. Django 100(1 − t); Spring Boot 50 → t = 0.5.
      eco: { weight: 0.25, ends: [0, 0.5], takeovers: [null, "spring"] },
      // Others 0.75 : 0.25 as they are. Django 75(1 − t); Spring Boot 100t + 50(1 − t) = 50 + 50t → 25 = 125t, t = 0.2.
      cost: { weight: 0, ends: [0, 0.2], takeovers: [null, "spring"] },
    });
    // 0.2 − 0 = 0.2 beats 0.75 − 0.5 and 0.5 − 0.25.
    expect(describeSensitivity(zero, report)).toBe("Raising Cost from 0% to 20% would make Spring Boot the winner.");
  });

  test("an option scored only on a zero-weight criterion leads as soon as it has any weight", () => {
    // Flask has cost 5 only: unscored at cost 0, 100 at any cost weight above 0.
    const withFlask = basis({ django: [5, 1, 1], spring: [3, 3, 5], flask: [null, null, 5] }, { perf: 0.75, eco: 0.25, cost: 0 });
    const report = sensitivity(withFlask);
    expect(report.winners).toEqual(["django"]);
    expectInterval(report, "cost", { weight: 0, ends: [0, 0], takeovers: [null, "flask"] });
    expect(report.smallestFlip).toEqual({ criterionId: "cost", direction: "raise", from: 0, to: 0, newWinnerId: "flask", delta: 0 });
    expect(describeSensitivity(withFlask, report)).toBe("Raising Cost at all from 0% would make Flask the winner.");
  });

  test("when one criterion holds all the weight, the others share the rest equally", () => {
    // Django (5, 1, 1) → (100, 0, 0); Spring Boot (1, 5, 5) → (0, 100, 100). Weights 1 / 0 / 0.
    // Perf at t, eco and cost (1 − t)/2 each: Django 100t, Spring Boot 100(1 − t) → t = 0.5.
    // Eco at t, perf 1 − t, cost 0: Django 100(1 − t), Spring Boot 100t → t = 0.5; cost likewise.
    const allOnOne = basis({ django: [5, 1, 1], spring: [1, 5, 5] }, { perf: 1, eco: 0, cost: 0 });
    const report = sensitivity(allOnOne);
    expectIntervals(report, {
      perf: { weight: 1, ends: [0.5, 1], takeovers: ["spring", null] },
      eco: { weight: 0, ends: [0, 0.5], takeovers: [null, "spring"] },
      cost: { weight: 0, ends: [0, 0.5], takeovers: [null, "spring"] },
    });
    // Three moves of 0.5; the first found, lowering performance, is named.
    expect(describeSensitivity(allOnOne, report)).toBe("Lowering Performance from 100% to 50% would make Spring Boot the winner.");
  });
});

describe("sensitivity: degenerate bases", () => {
  test("a single criterion: its share is always 100%, so nothing can change", () => {
    const single = basis({ django: [4], spring: [2] }, { perf: 1 });
    const report = sensitivity(single);
    expectIntervals(report, { perf: { weight: 1, ends: [0, 1], takeovers: [null, null] } });
    expect(report.smallestFlip).toBeNull();
  });

  test.each<{ name: string; basis: ScoreBasis }>([
    { name: "no scores yet", basis: basis({ django: [null, null], spring: [null, null] }, { perf: 0.5, scale: 0.5 }) },
    { name: "no options", basis: basis({}, { perf: 1 }) },
    { name: "no criteria", basis: basis({ django: [], spring: [] }, {}) },
    { name: "all weights 0", basis: basis({ django: [4, 2], spring: [2, 4] }, { perf: 0, scale: 0 }) },
  ])("$name: nothing to analyse", ({ basis: nothing }) => {
    const report = sensitivity(nothing);
    expect(report).toEqual({ status: "none", winners: [], subjectId: null, criteria: [], smallestFlip: null });
    expect(describeSensitivity(nothing, report)).toBe("No option has a weighted score yet, so there is no winner to test.");
  });
});

describe("formatPercentPair", () => {
  test.each<{ from: number; to: number; expected: [string, string] }>([
    { from: 0.22, to: 0.41, expected: ["22%", "41%"] },
    { from: 0, to: 0.2, expected: ["0%", "20%"] },
    { from: 0.223, to: 0.224, expected: ["22.3%", "22.4%"] }, // whole percentages would both read 22%
    { from: 0.2231, to: 0.2234, expected: ["22.31%", "22.34%"] },
    { from: 0.5, to: 0.5, expected: ["50.000%", "50.000%"] },
  ])("$from → $to", ({ from, to, expected }) => {
    expect(formatPercentPair(from, to)).toEqual(expected);
  });
});

// --- Larger bases: shape, determinism, and agreement with a brute-force scan ---

/** A deterministic basis: option o's means centre on 1 + (o mod 5), with a share of cells left empty. */
function generatedBasis(seed: number, optionCount: number, criterionCount: number, emptyShare: number): ScoreBasis {
  const random = new SeededRandom(seed);
  const raw = Array.from({ length: criterionCount }, () => (random.next() < 0.15 ? 0 : random.next()));
  const total = raw.reduce((sum, weight) => sum + weight, 0) || 1;
  return {
    options: Array.from({ length: optionCount }, (_, index) => ({ id: `option-${index}`, name: `Option ${index}` })),
    criteria: Array.from({ length: criterionCount }, (_, index) => ({ id: `criterion-${index}`, name: `Criterion ${index}` })),
    means: Array.from({ length: optionCount }, (_, option) =>
      Array.from({ length: criterionCount }, () =>
        random.next() < emptyShare ? null : Math.min(5, Math.max(1, 1 + (option % 5) + Math.round((random.next() * 2 - 1) * 6) / 3)),
      ),
    ),
    groupWeights: raw.map((weight) => weight / total),
  };
}

describe("sensitivity: a 10 × 10 basis", () => {
  test.each<{ name: string; emptyShare: number }>([
    { name: "full coverage", emptyShare: 0 },
    { name: "a fifth of the cells empty", emptyShare: 0.2 },
  ])("$name: one interval per criterion around its weight, and the same report every time", ({ emptyShare }) => {
    const big = generatedBasis(20_261_125, 10, 10, emptyShare);
    const report = sensitivity(big);
    expect(report.status).not.toBe("none");
    expect(report.criteria).toHaveLength(10);
    for (const { weight, low, high, belowTakeover, aboveTakeover } of report.criteria) {
      expect(0 <= low && low <= weight && weight <= high && high <= 1).toBe(true);
      // A takeover inside (0, 1) always; at 0 or 1 only in the lost-score edge case, impossible with full coverage.
      if (low > 0) expect(belowTakeover).not.toBeNull();
      if (high < 1) expect(aboveTakeover).not.toBeNull();
      if (emptyShare === 0 && low === 0) expect(belowTakeover).toBeNull();
      if (emptyShare === 0 && high === 1) expect(aboveTakeover).toBeNull();
    }
    if (report.smallestFlip !== null) {
      const deltas = report.criteria.flatMap(({ weight, low, high, belowTakeover, aboveTakeover }) => [
        ...(belowTakeover === null ? [] : [weight - low]),
        ...(aboveTakeover === null ? [] : [high - weight]),
      ]);
      expect(report.smallestFlip.delta).toBeCloseTo(Math.min(...deltas), 12);
    }
    expect(sensitivity(big)).toStrictEqual(report);
  });
});

describe("sensitivity agrees with a brute-force scan of rankWithWeights", () => {
  // For many small random bases with gaps and zero weights, walk each criterion's path in steps
  // of 1/400 from the current weight and find where the winner stops being a winner: the reported
  // ends must be within a step of it, and just beyond each end the takeover must lead.
  const STEPS = 400;
  const cases = Array.from({ length: 40 }, (_, index) => {
    const random = new SeededRandom(1_000 + index);
    const optionCount = 2 + Math.floor(random.next() * 4);
    const criterionCount = 2 + Math.floor(random.next() * 3);
    return { seed: 1_000 + index, basis: generatedBasis(1_000 + index, optionCount, criterionCount, 0.25) };
  });

  test.each(cases)("random basis $seed", ({ basis: random }) => {
    const report = sensitivity(random);
    if (report.status === "none") return;
    const subject = report.subjectId!;
    report.criteria.forEach((interval, criterion) => {
      const weights = random.groupWeights;
      const others = weights.reduce((sum, weight, index) => (index === criterion ? sum : sum + weight), 0);
      const at = (t: number) =>
        Object.fromEntries(
          random.criteria.map(({ id }, index) => [id, index === criterion ? t : (1 - t) * (others > 0 ? weights[index]! / others : 1 / (weights.length - 1))]),
        );
      const ranked = (t: number) => rankWithWeights(random, at(t));
      const holds = (t: number) => {
        const { winners } = ranked(t);
        return winners.length === 0 || winners.includes(subject);
      };
      const leaderBesides = (t: number) => ranked(t).options.find(({ optionId, score }) => optionId !== subject && score !== null)?.optionId ?? null;

      let high = interval.weight;
      for (let step = Math.ceil(interval.weight * STEPS); step <= STEPS && holds(step / STEPS); step++) high = step / STEPS;
      let low = interval.weight;
      for (let step = Math.floor(interval.weight * STEPS); step >= 0 && holds(step / STEPS); step--) low = step / STEPS;

      // The lost-score edge: the winner holds right up to 1 (or down to 0) but not at it.
      const edgeHigh = interval.high === 1 && interval.aboveTakeover !== null;
      const edgeLow = interval.low === 0 && interval.belowTakeover !== null;
      if (!edgeHigh) expect(Math.abs(interval.high - high)).toBeLessThanOrEqual(1 / STEPS);
      if (!edgeLow) expect(Math.abs(interval.low - low)).toBeLessThanOrEqual(1 / STEPS);
      if (edgeHigh) expect(holds(1)).toBe(false);
      if (edgeLow) expect(holds(0)).toBe(false);
      if (interval.high < 1) expect(leaderBesides(Math.min(1, interval.high + 1e-5))).toBe(interval.aboveTakeover);
      if (interval.low > 0) expect(leaderBesides(Math.max(0, interval.low - 1e-5))).toBe(interval.belowTakeover);
    });
  });
});
