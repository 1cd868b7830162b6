import { describe, expect, test } from "vitest";
import { type Ballot, ballotPositions, schulze } from "@/lib/domain/schulze";

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

const rankingText = (result: ReturnType<typeof schulze>) => result.ranking.map(({ optionId, rank }) => `${optionId}${rank}`);

describe("schulze: Wikipedia's example, 45 voters, 5 candidates", () => {
  const candidates = ["A", "B", "C", "D", "E"];
  const result = schulze(
    candidates,
    ballots([5, "A>C>B>E>D"], [5, "A>D>E>C>B"], [8, "B>E>D>A>C"], [3, "C>A>B>E>D"], [7, "C>A>E>B>D"], [2, "C>B>A>D>E"], [7, "D>C>E>B>A"], [8, "E>B>A>D>C"]),
  );

  // d[X][Y] as published: e.g. d[A][B] = 5 (ACBED) + 5 (ADECB) + 3 (CABED) + 7 (CAEBD) = 20.
  test.each<{ from: string; to: Record<string, number> }>([
    { from: "A", to: { B: 20, C: 26, D: 30, E: 22 } },
    { from: "B", to: { A: 25, C: 16, D: 33, E: 18 } },
    { from: "C", to: { A: 19, B: 29, D: 17, E: 24 } },
    { from: "D", to: { A: 15, B: 12, C: 28, E: 14 } },
    { from: "E", to: { A: 23, B: 27, C: 21, D: 31 } },
  ])("pairwise preferences of $from", ({ from, to }) => {
    expect(result.pairwise[from]).toEqual(to);
  });

  // p[X][Y] as published: e.g. p[A][B] = 28 by A→D→C→B, min(d[A][D] 30, d[D][C] 28, d[C][B] 29).
  test.each<{ from: string; to: Record<string, number> }>([
    { from: "A", to: { B: 28, C: 28, D: 30, E: 24 } },
    { from: "B", to: { A: 25, C: 28, D: 33, E: 24 } },
    { from: "C", to: { A: 25, B: 29, D: 29, E: 24 } },
    { from: "D", to: { A: 25, B: 28, C: 28, E: 24 } },
    { from: "E", to: { A: 25, B: 28, C: 28, D: 31 } },
  ])("strongest paths from $from", ({ from, to }) => {
    expect(result.strongestPaths[from]).toEqual(to);
  });

  test("E wins and the order is E > A > C > B > D", () => {
    expect(result.winners).toEqual(["E"]);
    expect(result.ranking).toEqual([
      { optionId: "E", rank: 1, beats: 4 },
      { optionId: "A", rank: 2, beats: 3 },
      { optionId: "C", rank: 3, beats: 2 },
      { optionId: "B", rank: 4, beats: 1 },
      { optionId: "D", rank: 5, beats: 0 },
    ]);
    expect(result.ballots).toBe(45);
  });
});

describe("schulze: small hand-checked elections", () => {
  test.each<{
    name: string;
    options: string[];
    ballots: Ballot[];
    pairwise: Record<string, Record<string, number>>;
    winners: string[];
    ranking: string[];
  }>([
    {
      // A beats B 2:1 and C 3:0; B beats C 2:1.
      name: "a Condorcet winner wins",
      options: ["A", "B", "C"],
      ballots: ballots([1, "A>B>C"], [1, "A>C>B"], [1, "B>A>C"]),
      pairwise: { A: { B: 2, C: 3 }, B: { A: 1, C: 2 }, C: { A: 0, B: 1 } },
      winners: ["A"],
      ranking: ["A1", "B2", "C3"],
    },
    {
      // A beats B, B beats C, C beats A, each 2:1, so every strongest path is 2: nobody is beaten.
      name: "a three-way cycle is a three-way tie",
      options: ["A", "B", "C"],
      ballots: ballots([1, "A>B>C"], [1, "B>C>A"], [1, "C>A>B"]),
      pairwise: { A: { B: 2, C: 1 }, B: { A: 1, C: 2 }, C: { A: 2, B: 1 } },
      winners: ["A", "B", "C"],
      ranking: ["A1", "B1", "C1"],
    },
    {
      // The tied pair A=B counts for neither: d[A][B] = 0, d[B][A] = 0 (the third ballot is C first).
      // A beats C 2:1 and B beats C 2:1, A and B level.
      name: "a tie on ballots prefers neither side",
      options: ["A", "B", "C"],
      ballots: ballots([2, "A=B>C"], [1, "C>A=B"]),
      pairwise: { A: { B: 0, C: 2 }, B: { A: 0, C: 2 }, C: { A: 1, B: 1 } },
      winners: ["A", "B"],
      ranking: ["A1", "B1", "C3"],
    },
    {
      // Ranked over unranked: A beats B 2:0 (ballots 1, 2) and C 2:1 (ballots 1, 2 vs 3);
      // B and C meet only on ballot 2 (B ranked, C not) and ballot 3 (C ranked, B not): 1:1.
      name: "unranked options sit below every ranked one, level with each other",
      options: ["A", "B", "C"],
      ballots: [ballot("A"), ballot("A>B"), ballot("C")],
      pairwise: { A: { B: 2, C: 2 }, B: { A: 0, C: 1 }, C: { A: 1, B: 1 } },
      winners: ["A"],
      ranking: ["A1", "B2", "C2"],
    },
    {
      // d: A:B 1:1, A:C 1:1, B:C 2:1. Only B beats C, so A and B are both unbeaten.
      // Counting options beaten would put B (1) alone above A (0) and contradict the winners;
      // ranking by layers keeps rank 1 = winners, and C below B, which beats it.
      name: "ballot ties where counting wins would contradict the winner set",
      options: ["A", "B", "C"],
      ballots: [ballot("A=B>C"), ballot("B>A=C"), ballot("C>A>B")],
      pairwise: { A: { B: 1, C: 1 }, B: { A: 1, C: 2 }, C: { A: 1, B: 1 } },
      winners: ["A", "B"],
      ranking: ["A1", "B1", "C3"],
    },
    {
      name: "one option, one ballot",
      options: ["A"],
      ballots: [ballot("A")],
      pairwise: { A: {} },
      winners: ["A"],
      ranking: ["A1"],
    },
    {
      name: "no ballots: nothing to decide",
      options: ["A", "B"],
      ballots: [],
      pairwise: { A: { B: 0 }, B: { A: 0 } },
      winners: [],
      ranking: [],
    },
    {
      name: "a ballot that ranks nothing is no ballot",
      options: ["A", "B"],
      ballots: [
        [
          { optionId: "A", rank: null },
          { optionId: "B", rank: null },
        ],
        [],
      ],
      pairwise: { A: { B: 0 }, B: { A: 0 } },
      winners: [],
      ranking: [],
    },
    {
      name: "entries for options not standing are ignored",
      options: ["A", "B"],
      ballots: [ballot("Z>B>A"), ballot("B>Y")],
      pairwise: { A: { B: 0 }, B: { A: 2 } },
      winners: ["B"],
      ranking: ["B1", "A2"],
    },
  ])("$name", ({ options, ballots: cast, pairwise, winners, ranking }) => {
    const result = schulze(options, cast);
    expect(result.pairwise).toEqual(pairwise);
    expect(result.winners).toEqual(winners);
    expect(rankingText(result)).toEqual(ranking);
  });

  test("every winner is at rank 1 and every rank 1 is a winner", () => {
    const result = schulze(["A", "B", "C", "D"], ballots([3, "A>B>C=D"], [2, "D>C>A"], [2, "B=C>D"]));
    expect(result.ranking.filter((entry) => entry.rank === 1).map((entry) => entry.optionId)).toEqual(result.winners);
  });

  test("pairwise and strongest paths keep an id such as __proto__ as an ordinary key", () => {
    const result = schulze(["__proto__", "constructor"], [ballot("__proto__>constructor")]);
    expect(Object.getPrototypeOf(result.pairwise)).toBe(Object.prototype);
    expect(Object.hasOwn(result.pairwise, "__proto__")).toBe(true);
    expect(result.pairwise["__proto__"]?.["constructor"]).toBe(1);
    expect(result.winners).toEqual(["__proto__"]);
  });
});

describe("ballotPositions", () => {
  test.each<{ name: string; ballot: Ballot; expected: number[] }>([
    { name: "ranks in option order", ballot: ballot("C>A"), expected: [2, Infinity, 1] },
    { name: "ties share a position", ballot: ballot("B=C>A"), expected: [3, 1, 1] },
    {
      name: "null is unranked",
      ballot: [
        { optionId: "A", rank: null },
        { optionId: "B", rank: 4 },
      ],
      expected: [Infinity, 4, Infinity],
    },
  ])("$name", ({ ballot: cast, expected }) => {
    expect(ballotPositions(["A", "B", "C"], [cast])).toEqual([expected]);
  });

  test.each<{ name: string; ballot: Ballot }>([
    {
      name: "an option listed twice",
      ballot: [
        { optionId: "A", rank: 1 },
        { optionId: "A", rank: 2 },
      ],
    },
    { name: "a rank that is not a number", ballot: [{ optionId: "A", rank: Number.NaN }] },
  ])("refuses $name", ({ ballot: cast }) => {
    expect(() => ballotPositions(["A", "B"], [cast])).toThrow(RangeError);
  });
});
