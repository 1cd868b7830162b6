/**
 * What-if ranking: re-rank the options for any criterion weights without the raw scores.
 *
 * The weighted score depends on the scores only through each cell's mean, so a `ScoreBasis` (one
 * mean per option × criterion, null where nobody scored the cell) is all a browser needs to move
 * weight sliders and re-rank live. It is plain JSON, options × criteria numbers plus names.
 *
 * `rankWithWeights` scores with `weightedScore`, the function `tally` itself uses, and ranks with
 * `rankWithTies`, as `tally` does, so given the tally's own group weights it reproduces the tally's
 * option scores to the last bit, and its ranks and order exactly.
 *
 * Weights may be on any non-negative scale (slider values 0..100, fractions, raw 0..10 averages):
 * they are passed to `weightedScore` as given, which divides by their sum over the criteria with
 * data. Normalising them first would give the same scores up to the last bits, but would lose the
 * bit-for-bit match with `tally`. A criterion missing from the weights counts as 0; ids that are not
 * criteria of the basis are ignored, as `tally` ignores stray rows. All weights 0 (or no criteria)
 * leaves every option unscored and unranked.
 */
import { rankWithTies, TIE_TOLERANCE } from "./statistics";
import { MAX_SCORE, MIN_SCORE, type Tally, tally, type TallyInput, weightedScore } from "./tally";

export type ScoreBasis = {
  /** In display order; ties keep this order, as in `tally`. */
  options: { id: string; name: string }[];
  criteria: { id: string; name: string }[];
  /** means[option][criterion]: the cell's mean score on 1..5, null where nobody scored it. */
  means: (number | null)[][];
  /** The tally's group weights in `criteria` order: fractions summing to 1. */
  groupWeights: number[];
};

export type WhatIfOption = { optionId: string; name: string; score: number | null; rank: number | null };

export type WhatIfResult = {
  /** The weights as fractions summing to 1 (all 0 when every weight is 0), keyed by criterion. */
  weights: Record<string, number>;
  /** Sorted by rank, unranked last, ties in basis order: the same order `tally` gives. */
  options: WhatIfOption[];
  winners: string[];
};

/**
 * The basis of a tally: the means and group weights it was computed from, with options and criteria
 * in the order of the input lists (the tally's own option list is sorted by rank). Pass the tally
 * already computed for `input` to save computing it again.
 */
export function scoreBasis(input: TallyInput, result: Tally = tally(input)): ScoreBasis {
  const resultByOption = new Map(result.options.map((entry) => [entry.optionId, entry]));
  const means = input.options.map(({ id: optionId }) => {
    const entry = resultByOption.get(optionId);
    if (entry === undefined) throw new RangeError(`The tally has no option ${optionId}; was it computed from this input?`);
    return input.criteria.map(({ id: criterionId }) => {
      if (!Object.hasOwn(entry.perCriterion, criterionId)) {
        throw new RangeError(`The tally has no criterion ${criterionId}; was it computed from this input?`);
      }
      return entry.perCriterion[criterionId]!.mean;
    });
  });
  return {
    options: input.options.map(({ id, name }) => ({ id, name })),
    criteria: input.criteria.map(({ id, name }) => ({ id, name })),
    means,
    groupWeights: input.criteria.map(({ id }) => result.groupWeights[id] ?? 0),
  };
}

/** The basis's group weights keyed by criterion, the form `rankWithWeights` takes. */
export function basisWeights(basis: ScoreBasis): Record<string, number> {
  return Object.fromEntries(basis.criteria.map(({ id }, criterion) => [id, basis.groupWeights[criterion] ?? 0]));
}

/**
 * The means of a basis as one flat array, cell = option × criterionCount + criterion, NaN where a
 * cell has no data: the layout `weightedScore` reads. Checks the basis on the way, since it may have
 * travelled through the browser: a wrong-sized row or a mean outside 1..5 throws a RangeError.
 */
export function flatMeans(basis: ScoreBasis): Float64Array {
  const criterionCount = basis.criteria.length;
  if (basis.means.length !== basis.options.length) {
    throw new RangeError(`The basis has ${basis.options.length} options but ${basis.means.length} rows of means`);
  }
  const flat = new Float64Array(basis.options.length * criterionCount);
  basis.means.forEach((row, option) => {
    if (row.length !== criterionCount) {
      throw new RangeError(`Row ${option} of the basis has ${row.length} means for ${criterionCount} criteria`);
    }
    row.forEach((cellMean, criterion) => {
      if (cellMean !== null && !(Number.isFinite(cellMean) && cellMean >= MIN_SCORE && cellMean <= MAX_SCORE)) {
        throw new RangeError(`A mean score must be from ${MIN_SCORE} to ${MAX_SCORE} or null, got ${cellMean}`);
      }
      flat[option * criterionCount + criterion] = cellMean ?? Number.NaN;
    });
  });
  return flat;
}

/**
 * Weights in criteria order from a record keyed by criterion id: missing → 0, unknown ids ignored.
 * Throws a RangeError for a negative, NaN or infinite weight, as `normaliseWeights` does.
 */
export function weightVector(basis: ScoreBasis, weights: Readonly<Record<string, number>>): Float64Array {
  return Float64Array.from(basis.criteria, ({ id }) => {
    const weight = Object.hasOwn(weights, id) ? weights[id]! : 0;
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`Weight for criterion ${id} must be a finite number of at least 0, got ${weight}`);
    }
    return weight;
  });
}

/**
 * Indices of the options ranked first for the given scores (NaN = unscored): every option within
 * `TIE_TOLERANCE` of the highest score, the rule `rankWithTies` applies. Written into `into`, whose
 * used length is returned, so sampling loops allocate nothing.
 */
export function winnersInto(scores: ArrayLike<number>, into: Int32Array | number[]): number {
  let best = Number.NEGATIVE_INFINITY;
  for (let option = 0; option < scores.length; option++) {
    const score = scores[option]!;
    if (score > best) best = score; // NaN compares false, so unscored options never lead
  }
  let count = 0;
  if (best === Number.NEGATIVE_INFINITY) return 0;
  for (let option = 0; option < scores.length; option++) {
    if (best - scores[option]! < TIE_TOLERANCE) into[count++] = option;
  }
  return count;
}

/** Re-ranks the options of `basis` for `weights`, by the rules of `tally`. */
export function rankWithWeights(basis: ScoreBasis, weights: Readonly<Record<string, number>>): WhatIfResult {
  const means = flatMeans(basis);
  const vector = weightVector(basis, weights);
  const criterionCount = basis.criteria.length;
  let total = 0;
  for (const weight of vector) total += weight;

  const scored = basis.options.map(({ id, name }, option) => ({
    optionId: id,
    name,
    score: weightedScore(vector, means, option * criterionCount),
  }));
  const options = rankWithTies(scored, (entry) => entry.score).map(({ item, rank }) => ({ ...item, rank }));
  return {
    weights: Object.fromEntries(basis.criteria.map(({ id }, criterion) => [id, total > 0 ? vector[criterion]! / total : 0])),
    options,
    winners: options.filter((entry) => entry.rank === 1).map((entry) => entry.optionId),
  };
}
