/**
 * The scales of a tally and its one formula: what a weight and a score may be, the label of each
 * score, a member's weights normalised, and the weighted score of an option. `tally` and the what-if,
 * sensitivity and Monte Carlo tools share these, so every screen reads the same numbers.
 */
export type Score = 1 | 2 | 3 | 4 | 5;
export type ScoreLabel = "poor" | "weak" | "fair" | "good" | "excellent";

export const SCORE_VALUES: readonly Score[] = [1, 2, 3, 4, 5];

export const SCORE_LABELS: Readonly<Record<Score, ScoreLabel>> = {
  1: "poor",
  2: "weak",
  3: "fair",
  4: "good",
  5: "excellent",
};

export function scoreLabel(score: Score): ScoreLabel {
  return SCORE_LABELS[score];
}

export const MIN_WEIGHT = 0;
export const MAX_WEIGHT = 10;
export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

/**
 * One member's weights scaled to sum to 1, so a member who hands out 10s everywhere has no more say
 * than one who hands out 2s. Null when there is nothing to scale: no weights, or all 0.
 */
export function normaliseWeights(weights: Record<string, number>): Record<string, number> | null {
  const entries = Object.entries(weights);
  let total = 0;
  for (const [criterionId, weight] of entries) {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`Weight for criterion ${criterionId} must be a finite number of at least 0, got ${weight}`);
    }
    total += weight;
  }
  if (total === 0) return null;
  return Object.fromEntries(entries.map(([criterionId, weight]) => [criterionId, weight / total]));
}

/** Maps a 1..5 mean onto 0..100, so "all poor" reads 0 and "all excellent" reads 100. */
export function toPercent(meanScore: number): number {
  return ((meanScore - MIN_SCORE) / (MAX_SCORE - MIN_SCORE)) * 100;
}

/**
 * An option's weighted score on 0..100: the weighted mean of its criterion means, renormalised over
 * the criteria it has data on, Σ w·percent(mean) / Σ w. This is the one definition of the weighted
 * score: `tally` and the what-if, sensitivity and Monte Carlo tools all call it, so a score a slider
 * shows is the score the results page shows, to the last bit, for the same weights and means.
 *
 * - `weights`: one per criterion, any non-negative scale. Dividing by Σ w over the criteria with data
 *   normalises them, so fractions and 0..100 slider values rank alike (equal up to rounding).
 * - `means`: the option's mean scores on 1..5 at `means[offset + criterion]`, NaN where nobody scored
 *   the cell, so one flat array can hold a whole options × criteria grid.
 * - `contributions`, if given, receives at `contributions[criterion]` the points each criterion
 *   supplies (they add up to the score), NaN where the cell has no data or the option no score.
 *
 * Null when no criterion with data has weight above 0. Allocates nothing, for the hot loops.
 */
export function weightedScore(
  weights: ArrayLike<number>,
  means: ArrayLike<number>,
  offset = 0,
  contributions?: { [criterion: number]: number },
): number | null {
  const criterionCount = weights.length;
  // Renormalise over the criteria with data, so a cell nobody scored neither helps nor hurts.
  let weightWithData = 0;
  for (let criterion = 0; criterion < criterionCount; criterion++) {
    if (!Number.isNaN(means[offset + criterion]!)) weightWithData += weights[criterion]!;
  }
  const hasScore = weightWithData > 0;
  let score = 0;
  for (let criterion = 0; criterion < criterionCount; criterion++) {
    const cellMean = means[offset + criterion]!;
    // Share first, then scale: an option scored on one criterion gets exactly its mean, since x / x is 1.
    const contribution = hasScore && !Number.isNaN(cellMean) ? (weights[criterion]! / weightWithData) * toPercent(cellMean) : Number.NaN;
    if (!Number.isNaN(contribution)) score += contribution;
    if (contributions !== undefined) contributions[criterion] = contribution;
  }
  return hasScore ? score : null;
}
