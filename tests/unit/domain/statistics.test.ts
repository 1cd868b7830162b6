import { describe, expect, test } from "vitest";
import { mean, populationStandardDeviation, rankWithTies, TIE_TOLERANCE } from "@/lib/domain/statistics";

describe("mean", () => {
  test.each<{ name: string; values: number[]; expected: number | null }>([
    { name: "no values", values: [], expected: null },
    { name: "one value", values: [4], expected: 4 },
    { name: "integers", values: [1, 2, 3, 4], expected: 2.5 }, // 10 / 4
    { name: "negative and positive", values: [-3, 3, 6], expected: 2 }, // 6 / 3
  ])("$name", ({ values, expected }) => {
    expect(mean(values)).toBe(expected);
  });
});

describe("populationStandardDeviation", () => {
  test.each<{ name: string; values: number[]; expected: number | null }>([
    { name: "no values", values: [], expected: null },
    { name: "one value", values: [3], expected: 0 },
    { name: "all equal", values: [4, 4, 4], expected: 0 },
    // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; 32 / 8 = 4
    { name: "the textbook example", values: [2, 4, 4, 4, 5, 5, 7, 9], expected: 2 },
    // the widest split on a 1..5 scale: mean 3, every deviation 2
    { name: "half at 1, half at 5", values: [1, 5, 1, 5], expected: 2 },
    // mean 14/3; deviations 1/3, -2/3, 1/3; (1 + 4 + 1) / 9 / 3 = 2/9
    { name: "5, 4, 5", values: [5, 4, 5], expected: Math.sqrt(2 / 9) },
  ])("$name", ({ values, expected }) => {
    const result = populationStandardDeviation(values);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 12);
  });
});

describe("rankWithTies", () => {
  type Item = { id: string; value: number | null };
  const rank = (items: Item[]) => rankWithTies(items, (item) => item.value).map(({ item, rank }) => `${item.id}:${rank ?? "-"}`);

  test.each<{ name: string; items: Item[]; expected: string[] }>([
    { name: "nothing", items: [], expected: [] },
    {
      name: "distinct values, highest first",
      items: [
        { id: "a", value: 1 },
        { id: "b", value: 3 },
        { id: "c", value: 2 },
      ],
      expected: ["b:1", "c:2", "a:3"],
    },
    {
      name: "a tie at the top skips the next place (1, 1, 3)",
      items: [
        { id: "a", value: 5 },
        { id: "b", value: 5 },
        { id: "c", value: 4 },
      ],
      expected: ["a:1", "b:1", "c:3"],
    },
    {
      name: "a tie in the middle (1, 2, 2, 4)",
      items: [
        { id: "a", value: 1 },
        { id: "b", value: 2 },
        { id: "c", value: 9 },
        { id: "d", value: 2 },
      ],
      expected: ["c:1", "b:2", "d:2", "a:4"],
    },
    {
      name: "everyone tied keeps input order",
      items: [
        { id: "z", value: 0 },
        { id: "y", value: 0 },
        { id: "x", value: 0 },
      ],
      expected: ["z:1", "y:1", "x:1"],
    },
    {
      name: "null and NaN come last, unranked, in input order",
      items: [
        { id: "a", value: null },
        { id: "b", value: 1 },
        { id: "c", value: Number.NaN },
        { id: "d", value: 2 },
      ],
      expected: ["d:1", "b:2", "a:-", "c:-"],
    },
    {
      name: "only nulls",
      items: [
        { id: "a", value: null },
        { id: "b", value: null },
      ],
      expected: ["a:-", "b:-"],
    },
    {
      // 0.1 + 0.2 is 0.30000000000000004: equal for any voter, and input order must survive.
      name: "floating-point noise is a tie",
      items: [
        { id: "a", value: 0.3 },
        { id: "b", value: 0.1 + 0.2 },
      ],
      expected: ["a:1", "b:1"],
    },
    {
      name: "a difference just above the tolerance is not a tie",
      items: [
        { id: "a", value: 1 },
        { id: "b", value: 1 + 2 * TIE_TOLERANCE },
      ],
      expected: ["b:1", "a:2"],
    },
    {
      // Highest first: c leads; b is 0.6e-9 below c (tie), a is 1.2e-9 below c (new group),
      // even though a is only 0.6e-9 below b. Tied b and c are listed in input order.
      name: "a tie group never spans more than the tolerance",
      items: [
        { id: "a", value: 1 },
        { id: "b", value: 1 + 0.6e-9 },
        { id: "c", value: 1 + 1.2e-9 },
      ],
      expected: ["b:1", "c:1", "a:3"],
    },
  ])("$name", ({ items, expected }) => {
    expect(rank(items)).toEqual(expected);
  });

  test("reports the value it ranked by", () => {
    expect(rankWithTies([{ score: 7 }, { score: null }], (item) => item.score)).toEqual([
      { item: { score: 7 }, value: 7, rank: 1 },
      { item: { score: null }, value: null, rank: null },
    ]);
  });
});
