import { describe, expect, test } from "vitest";
import { DEFAULT_CONCENTRATION, DEFAULT_SAMPLES, DEFAULT_SEED, describeMonteCarlo, monteCarlo, type MonteCarloResult } from "@/lib/domain/monte-carlo";
import { SeededRandom } from "@/lib/domain/random";
import type { ScoreBasis } from "@/lib/domain/what-if";

const NAMES: Record<string, string> = { django: "Django", spring: "Spring Boot", flask: "Flask" };

/** basis({ django: [5, 1], spring: [2, 4] }, [0.6, 0.4]): means on 1..5, null = no data. */
function basis(means: Record<string, (number | null)[]>, weights: number[]): ScoreBasis {
  return {
    options: Object.keys(means).map((id) => ({ id, name: NAMES[id] ?? id })),
    criteria: weights.map((_, index) => ({ id: `c${index}`, name: `Criterion ${index}` })),
    means: Object.values(means),
    groupWeights: weights,
  };
}

const shares = (result: MonteCarloResult) => Object.fromEntries(result.options.map(({ optionId, share }) => [optionId, share]));

/** P(X ≥ k) for X ~ Binomial(n, 1/2), exactly enough in doubles for n below 53. */
function binomialHalfTail(n: number, k: number): number {
  let coefficient = 1; // C(n, 0)
  let tail = 0;
  for (let j = 0; j <= n; j++) {
    if (j >= k) tail += coefficient;
    coefficient = (coefficient * (n - j)) / (j + 1);
  }
  return tail / 2 ** n;
}

describe("monteCarlo: defaults", () => {
  test("10,000 samples, seed 20261125, concentration 50", () => {
    expect([DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_CONCENTRATION]).toEqual([10_000, 20_261_125, 50]);
    const result = monteCarlo(basis({ django: [5, 5], spring: [1, 1] }, [0.5, 0.5]));
    expect([result.samples, result.seed, result.concentration]).toEqual([10_000, 20_261_125, 50]);
  });
});

describe("monteCarlo: hand-checkable cases", () => {
  test("an option best on every criterion wins every sample", () => {
    const dominating = basis({ django: [5, 4], spring: [3, 3], flask: [1, 2] }, [0.3, 0.7]);
    const result = monteCarlo(dominating);
    expect(result.options).toEqual([
      { optionId: "django", wins: 10_000, share: 1 },
      { optionId: "spring", wins: 0, share: 0 },
      { optionId: "flask", wins: 0, share: 0 },
    ]);
    expect(result.currentWinners).toEqual(["django"]);
    expect(result.currentWinnersShare).toBe(1);
    expect(result.undecided).toBe(0);
    expect(describeMonteCarlo(dominating, result)).toBe("Django comes first in 100% of 10,000 random re-weightings.");
  });

  test("two identical options split every sample, half each", () => {
    // Django and Spring Boot both (4, 2): the same score at any weights, so each sample is a tie
    // worth 1/2 to each. Flask (1, 1) never comes close.
    const twins = basis({ django: [4, 2], spring: [4, 2], flask: [1, 1] }, [0.5, 0.5]);
    const result = monteCarlo(twins);
    expect(shares(result)).toEqual({ django: 0.5, spring: 0.5, flask: 0 });
    expect(result.options.map(({ wins }) => wins)).toEqual([5_000, 5_000, 0]);
    expect(result.currentWinners).toEqual(["django", "spring"]);
    expect(result.currentWinnersShare).toBe(1); // the tied winners together
    expect(describeMonteCarlo(twins, result)).toBe("Django and Spring Boot together come first in 100% of 10,000 random re-weightings.");
  });

  test("two criteria: the runner-up wins about as often as a Beta(30, 20) draw falls below the crossing", () => {
    // Django (5, 1) → (100, 0); Spring Boot (2, 4) → (25, 75). Spring Boot wins when the first weight
    // is below 0.5 (the crossing: 100t = 75 − 50t). With k = 50 the first weight is Beta(30, 20), and
    // P(Beta(30, 20) < 0.5) = P(Binomial(49, 1/2) ≥ 30) ≈ 0.0762. Standard error √(p(1 − p)/10,000)
    // ≈ 0.0027, so allow 0.01.
    const expected = binomialHalfTail(49, 30);
    expect(expected).toBeCloseTo(0.0762, 4);
    const result = monteCarlo(basis({ django: [5, 1], spring: [2, 4] }, [0.6, 0.4]));
    expect(Math.abs(shares(result)["spring"]! - expected)).toBeLessThan(0.01);
    expect(result.currentWinnersShare).toBeCloseTo(1 - shares(result)["spring"]!, 12);
  });

  test("a higher concentration means smaller changes, so a clear winner wins more often", () => {
    const close = basis({ django: [5, 1], spring: [2, 4] }, [0.6, 0.4]);
    // Beta(3, 2) falls below 0.5 with P(Bin(4, 1/2) ≥ 3) = 5/16; Beta(300, 200) almost never (about 4.6 sd).
    const loose = monteCarlo(close, { concentration: 5 }).currentWinnersShare!;
    const usual = monteCarlo(close).currentWinnersShare!;
    const tight = monteCarlo(close, { concentration: 500 }).currentWinnersShare!;
    expect(Math.abs(loose - (1 - 5 / 16))).toBeLessThan(0.015);
    expect(loose).toBeLessThan(usual);
    expect(usual).toBeLessThan(tight);
    expect(tight).toBeGreaterThan(0.999);
  });

  test("a tie at the top: each tied winner wins about half, together all", () => {
    // Django (5, 1) and Spring Boot (1, 5) at 0.5 / 0.5: symmetric, each wins when its criterion weighs more.
    const tied = basis({ django: [5, 1], spring: [1, 5], flask: [1, 1] }, [0.5, 0.5]);
    const result = monteCarlo(tied);
    expect(Math.abs(shares(result)["django"]! - 0.5)).toBeLessThan(0.02);
    expect(shares(result)["django"]! + shares(result)["spring"]!).toBeCloseTo(1, 12);
    expect(result.currentWinnersShare).toBeCloseTo(1, 12);
  });

  test("a zero weight stays zero, so an option scored only on that criterion never wins", () => {
    // Flask has only a cost score (5); cost has weight 0 and keeps it in every sample.
    const zero = basis({ django: [4, 4, 1], spring: [3, 3, 5], flask: [null, null, 5] }, [0.5, 0.5, 0]);
    const result = monteCarlo(zero);
    expect(shares(result)).toEqual({ django: 1, spring: 0, flask: 0 });
  });

  test("centres on other weights when given them", () => {
    // Performance only: Django 100 against Spring Boot 25 in every sample, ecosystem staying at 0.
    const close = basis({ django: [5, 1], spring: [2, 4] }, [0.6, 0.4]);
    expect(shares(monteCarlo(close, { weights: { c0: 100, c1: 0 } }))).toEqual({ django: 1, spring: 0 });
    // Ecosystem only: Spring Boot 75 against Django 0.
    expect(shares(monteCarlo(close, { weights: { c1: 3 } }))).toEqual({ django: 0, spring: 1 });
  });

  test("no scores: nobody wins and every sample is undecided", () => {
    const empty = basis({ django: [null, null], spring: [null, null] }, [0.5, 0.5]);
    const result = monteCarlo(empty, { samples: 100 });
    expect(result.undecided).toBe(100);
    expect(result.currentWinners).toEqual([]);
    expect(result.currentWinnersShare).toBeNull();
    expect(shares(result)).toEqual({ django: 0, spring: 0 });
    expect(describeMonteCarlo(empty, result)).toBe("No option has a weighted score yet, so there is no winner to test.");
  });

  test.each<{ name: string; options: Parameters<typeof monteCarlo>[1] }>([
    { name: "0 samples", options: { samples: 0 } },
    { name: "a fractional number of samples", options: { samples: 10.5 } },
    { name: "a concentration of 0", options: { concentration: 0 } },
    { name: "a negative concentration", options: { concentration: -1 } },
    { name: "a NaN concentration", options: { concentration: Number.NaN } },
    { name: "a NaN seed", options: { seed: Number.NaN } },
    { name: "a negative weight", options: { weights: { c0: -1, c1: 1 } } },
  ])("refuses $name", ({ options }) => {
    expect(() => monteCarlo(basis({ django: [5, 1], spring: [2, 4] }, [0.6, 0.4]), options)).toThrow(RangeError);
  });
});

describe("monteCarlo: determinism", () => {
  const close = basis({ django: [5, 1, 3], spring: [2, 4, 3], flask: [3, 3, 4] }, [0.4, 0.35, 0.25]);

  test("the same seed gives identical figures", () => {
    expect(monteCarlo(close, { seed: 7 })).toStrictEqual(monteCarlo(close, { seed: 7 }));
    expect(monteCarlo(close)).toStrictEqual(monteCarlo(close));
  });

  test("another seed gives other figures, but close ones", () => {
    const first = shares(monteCarlo(close, { seed: 1 }));
    const second = shares(monteCarlo(close, { seed: 2 }));
    expect(first).not.toEqual(second);
    for (const optionId of ["django", "spring", "flask"]) expect(Math.abs(first[optionId]! - second[optionId]!)).toBeLessThan(0.03);
  });
});

describe("monteCarlo: a 10 × 10 basis", () => {
  // Option o's means centre on 1 + (o mod 5), a fifth of the cells empty, a few zero weights.
  const random = new SeededRandom(20_261_125);
  const raw = Array.from({ length: 10 }, () => (random.next() < 0.15 ? 0 : random.next()));
  const total = raw.reduce((sum, weight) => sum + weight, 0);
  const big: ScoreBasis = {
    options: Array.from({ length: 10 }, (_, index) => ({ id: `option-${index}`, name: `Option ${index}` })),
    criteria: Array.from({ length: 10 }, (_, index) => ({ id: `criterion-${index}`, name: `Criterion ${index}` })),
    means: Array.from({ length: 10 }, (_, option) =>
      Array.from({ length: 10 }, () => (random.next() < 0.2 ? null : Math.min(5, Math.max(1, 1 + (option % 5) + Math.round((random.next() * 2 - 1) * 6) / 3)))),
    ),
    groupWeights: raw.map((weight) => weight / total),
  };

  test("every option has a share in [0, 1], the wins add up to the samples, and it repeats exactly", () => {
    const result = monteCarlo(big);
    expect(result.options.map(({ optionId }) => optionId)).toEqual(big.options.map(({ id }) => id));
    expect(result.options.every(({ share }) => share >= 0 && share <= 1)).toBe(true);
    expect(result.options.reduce((sum, { wins }) => sum + wins, 0)).toBeCloseTo(10_000, 9);
    expect(result.undecided).toBe(0);
    expect(result.currentWinners).toHaveLength(1);
    expect(result.currentWinnersShare).toBeGreaterThan(0);
    expect(monteCarlo(big)).toStrictEqual(result);
  });
});
