import { describe, expect, test } from "vitest";
import { abFigures } from "../../../bench/load/report";

describe("bench:ab's figures: B against A over rounds served at once", () => {
  const side = (answered: number, cpuMs: number, seconds = 10) => ({ answered, seconds, cpuMs });

  test("each round's req/s and CPU-per-request ratios, their medians, and the CPU pooled over all rounds", () => {
    const figures = abFigures([
      { a: side(100, 1500), b: side(120, 1200) }, // B: 1.2x the requests, 10 against 15 ms each
      { a: side(100, 1000), b: side(100, 1200) }, // B: as many, 12 against 10 ms
      { a: side(200, 2000), b: side(100, 900) }, // B: half, 9 against 10 ms
    ]);
    expect(figures.rounds).toBe(3);
    expect(figures.rps.byRound).toEqual([1.2, 1, 0.5]);
    expect(figures.rps.median).toBe(1);
    expect(figures.cpuPerRequest.byRound.map((r) => Number(r.toFixed(4)))).toEqual([0.6667, 1.2, 0.9]);
    expect(figures.cpuPerRequest.median).toBe(0.9);
    // B: 3,300 ms over 320 requests; A: 4,500 ms over 400.
    expect(figures.cpuPerRequest.pooled).toBeCloseTo(3300 / 320 / (4500 / 400), 10);
  });

  test("an even number of rounds takes the mean of the two middle ratios", () => {
    const figures = abFigures([
      { a: side(100, 1000), b: side(100, 800) },
      { a: side(100, 1000), b: side(100, 1000) },
      { a: side(100, 1000), b: side(100, 1100) },
      { a: side(100, 1000), b: side(100, 1400) },
    ]);
    expect(figures.cpuPerRequest.median).toBeCloseTo(1.05, 10);
  });

  test("a round in which either server answered nothing has no ratio; with none left, the figures are NaN, not 0 or Infinity", () => {
    const figures = abFigures([
      { a: side(0, 500), b: side(100, 1000) },
      { a: side(100, 1000), b: side(0, 0) },
      { a: side(100, 1000), b: side(50, 1000) },
    ]);
    expect(figures.rounds).toBe(1);
    expect(figures.rps.byRound).toEqual([0.5]);
    expect(figures.cpuPerRequest.pooled).toBe(2);
    const none = abFigures([{ a: side(0, 0), b: side(0, 0) }]);
    expect(none.rounds).toBe(0);
    expect(none.rps.median).toBeNaN();
    expect(none.cpuPerRequest.median).toBeNaN();
    expect(none.cpuPerRequest.pooled).toBeNaN();
  });
});
