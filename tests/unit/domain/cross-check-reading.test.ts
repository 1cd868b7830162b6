import { describe, expect, test } from "vitest";
import { FEW_VOTERS, readCrossCheck, WIDE_GAP } from "../../../lib/domain/cross-check-reading";

type Winners = { weighted: string[]; schulze: string[]; borda: string[] };

/** A cross-check over options a, b, c with the given weighted scores, counted from `voters` rankings. */
function check(winners: Winners, voters: number, scores: Record<string, number | null> = { a: 60, b: 55, c: 20 }) {
  const agrees = [winners.schulze, winners.borda].every((w) => w.length === winners.weighted.length && w.every((id) => winners.weighted.includes(id)));
  return readCrossCheck({
    options: Object.entries(scores).map(([optionId, score]) => ({ optionId, score })) as never,
    schulze: { ballots: voters },
    borda: { ballots: voters },
    crossCheck: {
      agrees,
      weightedWinners: winners.weighted,
      schulzeWinners: winners.schulze,
      bordaWinners: winners.borda,
      disagreements: agrees ? [] : ["a sentence"],
    },
  });
}

describe("reading a cross-check with ranked methods", () => {
  test("the same first place agrees, whatever the number of voters", () => {
    for (const voters of [1, 2, 40]) {
      expect(check({ weighted: ["a"], schulze: ["a"], borda: ["a"] }, voters)).toEqual({
        verdict: "agrees",
        badge: "Agrees",
        tone: "good",
        voters,
        few: voters < FEW_VOTERS,
        gap: null,
        note: null,
      });
    }
  });

  test("two voters whose rankings tie: a calm badge and a note saying it is expected", () => {
    const reading = check({ weighted: ["a"], schulze: ["a", "b"], borda: ["a", "b"] }, 2);
    expect(reading).toMatchObject({ verdict: "tie", badge: "Tie at the top", tone: "neutral", few: true, gap: null });
    expect(reading.note).toContain("With only 2 voters, ranked methods often tie or swap options that score close together");
    expect(reading.note).toContain("It would matter with many voters");
  });

  test("a tie on the weighted side only is a tie too, and so is a tie on one method while the other agrees", () => {
    expect(check({ weighted: ["a", "b"], schulze: ["a"], borda: ["a"] }, 3).verdict).toBe("tie");
    expect(check({ weighted: ["a"], schulze: ["a"], borda: ["a", "b"] }, 3).verdict).toBe("tie");
  });

  test("a tie with many voters is still only a tie, without the few-voters sentence", () => {
    const reading = check({ weighted: ["a"], schulze: ["a", "b"], borda: ["a"] }, 12);
    expect(reading).toMatchObject({ verdict: "tie", badge: "Tie at the top", tone: "neutral", few: false });
    expect(reading.note).not.toContain("With only");
  });

  test("few voters and close options: another first place reads 'Differs', calmly, with the gap", () => {
    const reading = check({ weighted: ["a"], schulze: ["b"], borda: ["b"] }, FEW_VOTERS - 1);
    expect(reading).toMatchObject({ verdict: "differs", badge: "Differs", tone: "neutral", few: true, gap: 5 });
    expect(reading.note).toContain("With only 4 voters");
    expect(reading.note).toContain("5.0 points apart");
  });

  test("another first place with enough voters, or with few voters but a wide gap, reads 'Disagrees'", () => {
    const many = check({ weighted: ["a"], schulze: ["b"], borda: ["a"] }, FEW_VOTERS);
    expect(many).toMatchObject({ verdict: "differs", badge: "Disagrees", tone: "warn", few: false, gap: 5 });
    expect(many.note).toContain("With 5 voters, a different first place matters.");

    const wide = check({ weighted: ["a"], schulze: ["c"], borda: ["c"] }, 2);
    expect(wide.gap).toBe(40);
    expect(wide.gap!).toBeGreaterThanOrEqual(WIDE_GAP);
    expect(wide).toMatchObject({ verdict: "differs", badge: "Disagrees", tone: "warn", few: true });
    expect(wide.note).toContain("Only 2 people voted, but the difference is wide.");
  });

  test("the gap is to the closest option a ranked method puts first instead; overlapping but not nested winners differ", () => {
    const reading = check({ weighted: ["a"], schulze: ["c"], borda: ["b"] }, 3);
    expect(reading.gap).toBe(5);
    expect(check({ weighted: ["a", "b"], schulze: ["b", "c"], borda: ["a", "b"] }, 3).verdict).toBe("differs");
  });
});
