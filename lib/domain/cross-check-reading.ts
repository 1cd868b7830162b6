/**
 * How to read a cross-check of the weighted score against ranked methods (Schulze, Borda), in
 * plain words. With few voters the ranked methods often tie, or swap two options that score close
 * together, so a difference there is expected; it matters when the first place differs with many
 * voters, or when the options put first are far apart on the weighted score.
 */
import type { Tally } from "./tally";

/** Fewer ranked ballots than this are few: one voter more or less can turn a ranked method's result. */
export const FEW_VOTERS = 5;

/**
 * A gap on the weighted score (0–100) from which the options put first are far apart: 20 points is
 * four fifths of one step on the 1–5 scale, everyone's average included.
 */
export const WIDE_GAP = 20;

export type CrossCheckReading = {
  /** agrees: the same first place; tie: a shared first place, one side with another option level with it; differs: another first place. */
  verdict: "agrees" | "tie" | "differs";
  badge: string;
  tone: "good" | "neutral" | "warn";
  /** How many people's rankings the ranked methods counted. */
  voters: number;
  few: boolean;
  /** Points on 0–100 between the weighted winner and the best weighted option a ranked method puts first instead; null when there is none. */
  gap: number | null;
  /** What the difference means, in plain words; null when the methods agree. */
  note: string | null;
};

type CrossCheckInput = Pick<Tally, "crossCheck" | "options"> & { schulze: { ballots: number }; borda: { ballots: number } };

/** Whether one set of options contains the other, both not empty: the same first place, with a tie on one side. */
function nested(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const inA = new Set(a);
  const inB = new Set(b);
  return a.every((id) => inB.has(id)) || b.every((id) => inA.has(id));
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && nested(a, b);

function gapOf(tally: CrossCheckInput): number | null {
  const { weightedWinners, schulzeWinners, bordaWinners } = tally.crossCheck;
  const score = new Map(tally.options.map((o) => [o.optionId, o.score]));
  const weighted = new Set(weightedWinners);
  const top = Math.max(...weightedWinners.map((id) => score.get(id) ?? -Infinity));
  const others = [...schulzeWinners, ...bordaWinners].filter((id) => !weighted.has(id)).map((id) => score.get(id) ?? null);
  if (!Number.isFinite(top) || others.length === 0) return null;
  // An option without a weighted score is as far behind as an option can be.
  const closest = Math.max(...others.map((s) => s ?? 0));
  return top - closest;
}

const votersWord = (n: number) => `${n} voter${n === 1 ? "" : "s"}`;

/** The badge and note for a tally's cross-check with ranked methods. */
export function readCrossCheck(tally: CrossCheckInput): CrossCheckReading {
  const { crossCheck } = tally;
  const voters = Math.max(tally.schulze.ballots, tally.borda.ballots);
  const few = voters < FEW_VOTERS;
  if (crossCheck.agrees) return { verdict: "agrees", badge: "Agrees", tone: "good", voters, few, gap: null, note: null };

  const methods = [crossCheck.schulzeWinners, crossCheck.bordaWinners].filter((winners) => !sameSet(winners, crossCheck.weightedWinners));
  const expected = `With only ${votersWord(voters)}, ranked methods often tie or swap options that score close together, so a difference here is expected.`;
  if (methods.every((winners) => nested(winners, crossCheck.weightedWinners))) {
    return {
      verdict: "tie",
      badge: "Tie at the top",
      tone: "neutral",
      voters,
      few,
      gap: null,
      note: few
        ? `The methods differ only by a tie: they share a first place, and one of them has another option level with it. ${expected} It would matter with many voters, or if they put different options first.`
        : "The methods differ only by a tie: they share a first place, and one of them has another option level with it. Look at the options that tie before recording the decision.",
    };
  }

  const gap = gapOf(tally);
  const apart = gap === null ? "" : ` The options put first are ${gap.toFixed(1)} points apart on the weighted score.`;
  if (few && (gap === null || gap < WIDE_GAP)) {
    return {
      verdict: "differs",
      badge: "Differs",
      tone: "neutral",
      voters,
      few,
      gap,
      note: `${expected}${apart} It would matter with many voters, or if the options put first were far apart on the weighted score.`,
    };
  }
  return {
    verdict: "differs",
    badge: "Disagrees",
    tone: "warn",
    voters,
    few,
    gap,
    note: `${few ? `Only ${voters} ${voters === 1 ? "person" : "people"} voted, but the difference is wide.` : `With ${votersWord(voters)}, a different first place matters.`}${apart} The weighted score counts how strongly people rate each option, the ranked methods only the order they put them in: a strong view held by a few can carry the weighted score. Look at each person’s ranking before recording the decision.`,
  };
}
