import { describe, expect, test } from "vitest";
import { borda } from "@/lib/domain/borda";
import type { Ballot } from "@/lib/domain/schulze";

/** "A=B>C" → A and B tied first, C third; options not written are unranked. */
function ballot(order: string): Ballot {
  const entries: { optionId: string; rank: number }[] = [];
  for (const group of order.split(">")) {
    const rank = entries.length + 1;
    for (const optionId of group.split("=")) entries.push({ optionId, rank });
  }
  return entries;
}

function ballots(...groups: [count: number, order: string][]): Ballot[] {
  return groups.flatMap(([count, order]) => Array.from({ length: count }, () => ballot(order)));
}

describe("borda", () => {
  test.each<{ name: string; options: string[]; ballots: Ballot[]; points: Record<string, number>; ranking: string[]; winners: string[] }>([
    {
      // A: 2 + 2 + 1 = 5; B: 1 + 1 + 0 = 2; C: 0 + 0 + 2 = 2
      name: "a plain count",
      options: ["A", "B", "C"],
      ballots: ballots([2, "A>B>C"], [1, "C>A>B"]),
      points: { A: 5, B: 2, C: 2 },
      ranking: ["A1", "B2", "C2"],
      winners: ["A"],
    },
    {
      // A: 1 (C below) + 0.5 (tied with B) = 1.5; B the same; C: 0. Still 3 points in all.
      name: "a tie splits the point",
      options: ["A", "B", "C"],
      ballots: [ballot("A=B>C")],
      points: { A: 1.5, B: 1.5, C: 0 },
      ranking: ["A1", "B1", "C3"],
      winners: ["A", "B"],
    },
    {
      // Unranked B and C are tied below A: A 2, B 0.5, C 0.5.
      name: "unranked options are tied last",
      options: ["A", "B", "C"],
      ballots: [ballot("A")],
      points: { A: 2, B: 0.5, C: 0.5 },
      ranking: ["A1", "B2", "C2"],
      winners: ["A"],
    },
    {
      // Per ballot 4, 3, 2, 1, 0 points from first to last:
      // A: 5·4 + 5·4 + 8·1 + 3·3 + 7·3 + 2·2 + 7·0 + 8·2 = 98
      // B: 5·2 + 5·0 + 8·4 + 3·2 + 7·1 + 2·3 + 7·1 + 8·3 = 92
      // C: 5·3 + 5·1 + 8·0 + 3·4 + 7·4 + 2·4 + 7·3 + 8·0 = 89
      // D: 5·0 + 5·3 + 8·2 + 3·0 + 7·0 + 2·1 + 7·4 + 8·1 = 69
      // E: 5·1 + 5·2 + 8·3 + 3·1 + 7·2 + 2·0 + 7·2 + 8·4 = 102; total 450 = 45 ballots × 10
      // Unlike Schulze (E A C B D), Borda puts B above C.
      name: "Wikipedia's Schulze example",
      options: ["A", "B", "C", "D", "E"],
      ballots: ballots(
        [5, "A>C>B>E>D"],
        [5, "A>D>E>C>B"],
        [8, "B>E>D>A>C"],
        [3, "C>A>B>E>D"],
        [7, "C>A>E>B>D"],
        [2, "C>B>A>D>E"],
        [7, "D>C>E>B>A"],
        [8, "E>B>A>D>C"],
      ),
      points: { A: 98, B: 92, C: 89, D: 69, E: 102 },
      ranking: ["E1", "A2", "B3", "C4", "D5"],
      winners: ["E"],
    },
    {
      // Each ballot gives 1 point in all; A 1 + 0 = 1, B 0 + 1 = 1.
      name: "opposite ballots tie",
      options: ["A", "B"],
      ballots: [ballot("A>B"), ballot("B>A")],
      points: { A: 1, B: 1 },
      ranking: ["A1", "B1"],
      winners: ["A", "B"],
    },
    {
      name: "no ballots: points 0, nothing ranked",
      options: ["A", "B"],
      ballots: [],
      points: { A: 0, B: 0 },
      ranking: [],
      winners: [],
    },
    {
      // Counted as a full tie it would hand A and B 0.5 each for nothing.
      name: "a ballot that ranks nothing adds no points",
      options: ["A", "B"],
      ballots: [[{ optionId: "A", rank: null }], ballot("B")],
      points: { A: 0, B: 1 },
      ranking: ["B1", "A2"],
      winners: ["B"],
    },
  ])("$name", ({ options, ballots: cast, points, ranking, winners }) => {
    const result = borda(options, cast);
    expect(result.points).toEqual(points);
    expect(result.ranking.map(({ optionId, rank }) => `${optionId}${rank}`)).toEqual(ranking);
    expect(result.winners).toEqual(winners);
  });

  test("counts only ballots that rank something", () => {
    expect(borda(["A"], [ballot("A"), [], [{ optionId: "A", rank: null }]]).ballots).toBe(1);
  });
});
