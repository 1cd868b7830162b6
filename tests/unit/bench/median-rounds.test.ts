import { describe, expect, test } from "vitest";
import { medianRounds } from "../../../bench/load/report";

describe("bench:load's rounds, one figure each", () => {
  const round = (scenario: string, connections: number, rps: number, errors = 0) => ({ scenario, connections, rps, errors, p95: rps * 2 });

  test("the round with the median req/s speaks for its scenario and concurrency, whole", () => {
    const rows = medianRounds([round("save", 10, 150), round("save", 10, 190), round("save", 10, 170), round("floor", 10, 300), round("save", 1, 80)]);
    expect(rows).toEqual([round("save", 10, 170), round("floor", 10, 300), round("save", 1, 80)]);
  });

  test("of an even count, the lower middle round; an error in any round is kept", () => {
    const [row] = medianRounds([round("page", 50, 40), round("page", 50, 60, 2), round("page", 50, 50), round("page", 50, 70)]);
    expect(row).toEqual({ ...round("page", 50, 50), errors: 2 });
  });
});
