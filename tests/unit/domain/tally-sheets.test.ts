import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { SeededRandom } from "../../../lib/domain/random";
import { tally, type TallyInput } from "../../../lib/domain/tally";
import { roundStandings } from "../../../lib/domain/tally-rounds";
import { cellOf, scoreGridOfSheets, scorerCount, sheetsOf, tallyOfSheets } from "../../../lib/domain/tally-sheets";
import { randomDecision, randomShape, roundInput } from "../../support/random-decision";

// The results page tallies large decisions from sheets, not rows. These check that the two give the
// same tally, to the last bit: every float of the group weights, the option and member scores, the
// Schulze matrices and Borda points, compared with toEqual (which treats 0.1 + 0.2 and 0.3 as different).

const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });

describe("tallyOfSheets", () => {
  test("gives exactly the tally of the rows, on varied random decisions", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const shape = randomShape(new SeededRandom(seed), { members: 12, options: 6, criteria: 5 });
        const input = roundInput(randomDecision(seed, shape, { strays: seed % 3 === 0 }), 1);
        expect(tallyOfSheets(sheetsOf(input))).toEqual(tally(input));
      }),
      { numRuns: 300 },
    );
  });

  test("gives exactly the tally of the rows for a larger decision", () => {
    const input = roundInput(randomDecision(20260501, { members: 150, options: 12, criteria: 12 }), 1);
    expect(tallyOfSheets(sheetsOf(input))).toEqual(tally(input));
  });

  test("agrees on the empty cases: nobody, no scores, no weights", () => {
    const base = roundInput(randomDecision(7, { members: 3, options: 2, criteria: 2 }), 1);
    const cases: TallyInput[] = [
      { ...base, members: [], weights: [], scores: [] },
      { ...base, scores: [] },
      { ...base, weights: [] },
      { ...base, criteria: [], weights: [], scores: [] },
    ];
    for (const input of cases) expect(tallyOfSheets(sheetsOf(input))).toEqual(tally(input));
  });

  test("refuses what tally refuses: a score outside 1..5, a list with an id twice, a cell scored twice", () => {
    const input = roundInput(randomDecision(11, { members: 3, options: 2, criteria: 2 }), 1);
    const sheets = sheetsOf({ ...input, scores: [] });
    sheets.sheets[cellOf(1, 1, 2)] = 6;
    expect(() => tallyOfSheets(sheets)).toThrow(RangeError);
    expect(() =>
      tally({ ...input, scores: [{ memberId: input.members[0]!.id, optionId: input.options[1]!.id, criterionId: input.criteria[1]!.id, score: 6 }] }),
    ).toThrow(RangeError);
    expect(() => tallyOfSheets({ ...sheetsOf(input), members: [input.members[0]!, input.members[0]!, input.members[2]!] })).toThrow(/listed twice/);
    const cell = { memberId: input.members[0]!.id, optionId: input.options[0]!.id, criterionId: input.criteria[0]!.id, score: 3 };
    expect(() => sheetsOf({ ...input, scores: [cell, { ...cell, score: 4 }] })).toThrow(/twice/);
  });

  test("refuses sheets of the wrong size", () => {
    const input = sheetsOf(roundInput(randomDecision(5, { members: 2, options: 2, criteria: 2 }), 1));
    expect(() => scoreGridOfSheets({ ...input, sheets: input.sheets.subarray(1) })).toThrow(RangeError);
  });

  test("counts as scorers the members with at least one score, and nobody else", () => {
    const input = roundInput(randomDecision(3, { members: 8, options: 3, criteria: 2 }), 1);
    const expected = new Set(input.scores.map((s) => s.memberId)).size;
    expect(scorerCount(sheetsOf(input))).toBe(expected);
    expect(scorerCount(sheetsOf({ ...input, scores: [] }))).toBe(0);
  });
});

describe("roundStandings", () => {
  test("gives each option the score and rank of a whole tally of the round, from cell counts and sums", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const shape = randomShape(new SeededRandom(seed), { members: 10, options: 6, criteria: 5 });
        const input = roundInput(randomDecision(seed, shape), 1);
        const whole = tally(input);
        const counts = new Float64Array(shape.options * shape.criteria);
        const sums = new Float64Array(shape.options * shape.criteria);
        for (const s of input.scores) {
          const cell = cellOf(Number(s.optionId.split("-").pop()), Number(s.criterionId.split("-").pop()), shape.criteria);
          counts[cell]! += 1;
          sums[cell]! += s.score;
        }
        const groupWeights = input.criteria.map((c) => whole.groupWeights[c.id]!);
        expect(roundStandings(input, groupWeights, { counts, sums })).toEqual(whole.options.map(({ optionId, score, rank }) => ({ optionId, score, rank })));
      }),
      { numRuns: 200 },
    );
  });
});
