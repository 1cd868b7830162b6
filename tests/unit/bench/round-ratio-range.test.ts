import { describe, expect, test } from "vitest";
import { roundRatioRange } from "../../../bench/load/report";

describe("bench:load's spread of the rounds' ratios", () => {
  const floorOf = (scenario: string) => (scenario.startsWith("save") ? "floor-save" : "floor-page");
  const entry = (scenario: string, connections: number, round: number, rps: number) => ({ scenario, connections, round, rps });

  test("each round is divided by its own floor, and the lowest and highest are kept", () => {
    const ranges = roundRatioRange(
      [
        entry("save-scores", 10, 0, 150),
        entry("floor-save", 10, 0, 300),
        entry("save-scores", 10, 1, 180),
        entry("floor-save", 10, 1, 400),
        entry("save-scores", 10, 2, 200),
        entry("floor-save", 10, 2, 320),
      ],
      floorOf,
    );
    expect(ranges.get("save-scores@10")).toEqual({ ratioLow: 0.45, ratioHigh: 0.625 });
    // A floor has no ratio of its own.
    expect(ranges.has("floor-save@10")).toBe(false);
  });

  test("other concurrencies and other floors are not mixed in, and one round has no spread", () => {
    const ranges = roundRatioRange(
      [
        entry("scores-page", 1, 0, 50),
        entry("floor-page", 1, 0, 100),
        entry("scores-page", 1, 1, 60),
        entry("floor-page", 1, 1, 100),
        entry("scores-page", 10, 0, 70),
        entry("floor-page", 10, 0, 140),
        entry("save-scores", 1, 0, 80),
        entry("save-scores", 1, 1, 90),
      ],
      floorOf,
    );
    expect(ranges.get("scores-page@1")).toEqual({ ratioLow: 0.5, ratioHigh: 0.6 });
    expect(ranges.has("scores-page@10")).toBe(false);
    // No floor-save measured: no ratio, rather than one against the page floor.
    expect(ranges.has("save-scores@1")).toBe(false);
  });
});
