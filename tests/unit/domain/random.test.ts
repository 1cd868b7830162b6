import { describe, expect, test } from "vitest";
import { SeededRandom } from "@/lib/domain/random";

const draws = (random: SeededRandom, count: number, draw: (random: SeededRandom) => number) => Array.from({ length: count }, () => draw(random));

function meanAndVariance(values: readonly number[]): { mean: number; variance: number } {
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return { mean, variance: squares / values.length };
}

describe("SeededRandom: determinism", () => {
  test("the same seed gives the same sequence", () => {
    const first = draws(new SeededRandom(20_261_125), 1_000, (random) => random.nextUint32());
    const second = draws(new SeededRandom(20_261_125), 1_000, (random) => random.nextUint32());
    expect(second).toEqual(first);
  });

  test.each<{ name: string; draw: (random: SeededRandom) => number }>([
    { name: "uniforms", draw: (random) => random.next() },
    { name: "normals", draw: (random) => random.normal() },
    { name: "gammas of shape 0.4", draw: (random) => random.gamma(0.4) },
    { name: "gammas of shape 7", draw: (random) => random.gamma(7) },
  ])("the same seed gives the same $name, to the last bit", ({ draw }) => {
    expect(draws(new SeededRandom(42), 500, draw)).toStrictEqual(draws(new SeededRandom(42), 500, draw));
  });

  test.each<{ name: string; a: number; b: number }>([
    { name: "neighbouring seeds", a: 1, b: 2 },
    { name: "0 and 1", a: 0, b: 1 },
    { name: "seeds a bit apart", a: 20_261_125, b: 20_261_125 ^ 1024 },
  ])("$name give different sequences", ({ a, b }) => {
    const first = draws(new SeededRandom(a), 20, (random) => random.nextUint32());
    const second = draws(new SeededRandom(b), 20, (random) => random.nextUint32());
    // Not one position in common: splitmix32 spreads nearby seeds apart.
    expect(first.filter((value, index) => value === second[index])).toEqual([]);
  });

  test("a seed is reduced to 32 bits: 1 and 2³² + 1 are the same seed", () => {
    expect(draws(new SeededRandom(2 ** 32 + 1), 10, (random) => random.nextUint32())).toEqual(draws(new SeededRandom(1), 10, (random) => random.nextUint32()));
  });

  test.each<{ name: string; seed: number }>([
    { name: "NaN", seed: Number.NaN },
    { name: "Infinity", seed: Infinity },
  ])("refuses a seed of $name", ({ seed }) => {
    expect(() => new SeededRandom(seed)).toThrow(RangeError);
  });
});

describe("SeededRandom: ranges", () => {
  const random = new SeededRandom(7);
  const count = 100_000;

  test("nextUint32 gives integers 0..2³²−1", () => {
    const values = draws(random, count, (r) => r.nextUint32());
    expect(values.every((value) => Number.isInteger(value) && value >= 0 && value < 2 ** 32)).toBe(true);
  });

  test("next is in [0, 1) and nextOpen in (0, 1)", () => {
    expect(draws(random, count, (r) => r.next()).every((value) => value >= 0 && value < 1)).toBe(true);
    expect(draws(random, count, (r) => r.nextOpen()).every((value) => value > 0 && value < 1)).toBe(true);
  });

  test("gamma of shape 0 is 0, the limit", () => {
    expect(random.gamma(0)).toBe(0);
  });

  test.each<{ name: string; shape: number }>([
    { name: "a negative shape", shape: -1 },
    { name: "NaN", shape: Number.NaN },
    { name: "Infinity", shape: Infinity },
  ])("gamma refuses $name", ({ shape }) => {
    expect(() => random.gamma(shape)).toThrow(RangeError);
  });
});

// 100,000 draws each. The standard error of a mean is √(variance / 100,000): for a uniform
// √(1/12 / 1e5) ≈ 0.0009, so a tolerance of 0.005 is over five standard errors. The seed is fixed,
// so these pass or fail the same way on every run; the point is that the shapes are right.
describe("SeededRandom: distributions", () => {
  const count = 100_000;

  test("uniform: mean 1/2, variance 1/12, and each tenth of [0, 1) gets about a tenth", () => {
    const values = draws(new SeededRandom(1), count, (random) => random.next());
    const { mean, variance } = meanAndVariance(values);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
    const tenths = new Array<number>(10).fill(0);
    for (const value of values) tenths[Math.floor(value * 10)]! += 1;
    // Expected 10,000 each, standard deviation √(1e5 × 0.1 × 0.9) ≈ 95; allow 500.
    for (const tally of tenths) expect(Math.abs(tally - count / 10)).toBeLessThan(500);
  });

  test("normal: mean 0, variance 1, and about 68.3% within one standard deviation", () => {
    const values = draws(new SeededRandom(2), count, (random) => random.normal());
    const { mean, variance } = meanAndVariance(values);
    expect(Math.abs(mean)).toBeLessThan(0.015); // standard error 1/√1e5 ≈ 0.0032
    expect(Math.abs(variance - 1)).toBeLessThan(0.02); // standard error √(2/1e5) ≈ 0.0045
    const within = values.filter((value) => Math.abs(value) < 1).length / count;
    expect(Math.abs(within - 0.6827)).toBeLessThan(0.01); // Φ(1) − Φ(−1) ≈ 0.6827
  });

  // Gamma(shape, 1) has mean = variance = shape. Shapes below 1 take the U^(1/a) boost.
  test.each<{ shape: number }>([{ shape: 0.3 }, { shape: 1 }, { shape: 2.5 }, { shape: 10 }, { shape: 50 }])(
    "gamma of shape $shape: mean and variance both $shape, within 5%",
    ({ shape }) => {
      const values = draws(new SeededRandom(3), count, (random) => random.gamma(shape));
      expect(values.every((value) => value >= 0)).toBe(true);
      const { mean, variance } = meanAndVariance(values);
      expect(Math.abs(mean / shape - 1)).toBeLessThan(0.05);
      expect(Math.abs(variance / shape - 1)).toBeLessThan(0.05);
    },
  );
});
