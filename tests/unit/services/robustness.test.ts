import { describe, expect, test } from "vitest";
import { monteCarlo } from "@/lib/domain/monte-carlo";
import type { ScoreBasis } from "@/lib/domain/what-if";
import { robustnessOf } from "@/lib/services/robustness";

function basis(means: (number | null)[][], weights: number[], ids = means.map((_, i) => `option-${i}`)): ScoreBasis {
  return {
    options: ids.map((id) => ({ id, name: id.toUpperCase() })),
    criteria: weights.map((_, i) => ({ id: `criterion-${i}`, name: `Criterion ${i}` })),
    means,
    groupWeights: weights,
  };
}

const close = basis(
  [
    [4.1, 3.2, 3.9],
    [3.9, 3.6, 3.7],
    [3.0, 4.4, null],
  ],
  [0.5, 0.3, 0.2],
);

describe("robustnessOf: monteCarlo counted once per basis", () => {
  test("gives exactly what monteCarlo gives", () => {
    expect(robustnessOf(close)).toEqual(monteCarlo(close));
  });

  test("a second viewer of the same basis gets the counted result, not a new count", () => {
    const first = robustnessOf(close);
    // A new object with the same figures, as the next request builds it.
    expect(robustnessOf(structuredClone(close))).toBe(first);
  });

  test("any figure the sampling reads makes a different basis", () => {
    const first = robustnessOf(close);
    const changed: ScoreBasis[] = [
      { ...close, groupWeights: [0.2, 0.3, 0.5] },
      { ...close, means: [close.means[0]!, close.means[1]!, [3.0, 4.4, 1.0]] },
      basis(close.means, close.groupWeights, ["a", "b", "c"]),
      { ...close, criteria: close.criteria.map((c, i) => ({ ...c, id: `other-${i}` })) },
    ];
    for (const other of changed) {
      const result = robustnessOf(other);
      expect(result).not.toBe(first);
      expect(result).toEqual(monteCarlo(other));
    }
  });

  test("the shared result cannot be changed by one page for the next", () => {
    const result = robustnessOf(close);
    expect(() => result.options.sort((a, b) => a.share - b.share)).toThrow(TypeError);
    expect(() => {
      (result.options[0] as { share: number }).share = 1;
    }).toThrow(TypeError);
    expect(robustnessOf(close)).toEqual(monteCarlo(close));
  });

  test("ids that look like object keys are only text in the key", () => {
    const hostile = basis(close.means, close.groupWeights, ["__proto__", "constructor", "toString"]);
    expect(robustnessOf(hostile)).toEqual(monteCarlo(hostile));
  });
});
