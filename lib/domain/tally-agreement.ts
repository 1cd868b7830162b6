/**
 * How much the members agree: the spread of each cell's scores, the spread of members' own scores
 * for an option, and the overall consensus figure drawn from the cells.
 */
import { mean, populationStandardDeviation } from "./statistics";
import type { ConsensusLabel, OptionResult, Tally } from "./tally";
import { MAX_SCORE, MIN_SCORE } from "./weighted-score";

/** The largest population standard deviation on 1..5: half the members at 1, half at 5. */
const LARGEST_SCORE_SD = (MAX_SCORE - MIN_SCORE) / 2;

/** Population standard deviation of one cell from its count, sum and sum of squares; null below two scores. */
export function cellSpread(n: number, sum: number, sumOfSquares: number): number | null {
  // n·Σx² − (Σx)² is an exact integer, so a cell where everyone agrees gets exactly 0.
  return n >= 2 ? Math.sqrt(n * sumOfSquares - sum * sum) / n : null;
}

/** Spread of the members' own 0..100 scores for one option; members who left it unscored do not count. */
export function memberSpread(ownScores: readonly (number | null)[][], option: number): number | null {
  const memberScores: number[] = [];
  for (const scores of ownScores) {
    const own = scores[option];
    if (own !== null && own !== undefined) memberScores.push(own);
  }
  return memberScores.length >= 2 ? populationStandardDeviation(memberScores) : null;
}

function consensusLabel(value: number): ConsensusLabel {
  if (value >= 0.8) return "strong";
  if (value >= 0.6) return "moderate";
  return "weak";
}

/** 1 minus the mean cell spread as a share of the largest possible; null when no cell has two scores. */
export function consensusOf(options: readonly OptionResult[]): Tally["consensus"] {
  const cellDeviations = options.flatMap((result) => Object.values(result.perCriterion).flatMap(({ sd }) => (sd === null ? [] : [sd])));
  const meanDeviation = mean(cellDeviations);
  if (meanDeviation === null) return null;
  const value = Math.min(1, Math.max(0, 1 - meanDeviation / LARGEST_SCORE_SD));
  return { value, label: consensusLabel(value) };
}
