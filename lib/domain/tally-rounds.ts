/**
 * How an earlier scoring round ranked the options, from nothing but each cell's count and sum of
 * scores: the option scores of `tally` depend on the scores only through the cell means, so these
 * two integers per cell give the same scores and ranks, bit for bit, as a tally of the whole round.
 */
import { rankWithTies } from "./statistics";
import type { TallyStructure } from "./tally";
import { weightedScore } from "./weighted-score";

export type RoundStanding = { optionId: string; score: number | null; rank: number | null };

/** Per cell (option × criteria.length + criterion, in list order): how many scored it and the sum of their scores. */
export type RoundCells = { counts: ArrayLike<number>; sums: ArrayLike<number> };

/**
 * The options' weighted scores and ranks for one round, sorted like `tally`'s options (by rank,
 * unranked last, ties in list order). `groupWeights` in criteria order, as the tally has them.
 */
export function roundStandings(structure: Pick<TallyStructure, "options" | "criteria">, groupWeights: readonly number[], cells: RoundCells): RoundStanding[] {
  const criterionCount = structure.criteria.length;
  const means = new Float64Array(criterionCount);
  const scored = structure.options.map(({ id }, option) => {
    for (let criterion = 0; criterion < criterionCount; criterion++) {
      const cell = option * criterionCount + criterion;
      const n = cells.counts[cell] ?? 0;
      means[criterion] = n > 0 ? cells.sums[cell]! / n : Number.NaN;
    }
    return { optionId: id, score: weightedScore(groupWeights, means) };
  });
  return rankWithTies(scored, (entry) => entry.score).map(({ item, rank }) => ({ ...item, rank }));
}
