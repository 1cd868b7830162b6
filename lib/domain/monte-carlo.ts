/**
 * How robust the winner is to the weights as a whole: re-weight at random many times and count
 * how often each option comes first.
 *
 * Perturbation model: each sample's weights are drawn from a Dirichlet distribution centred on the
 * current weights w (fractions) with concentration k, that is with parameters k·w. Why Dirichlet:
 * - It draws weight vectors that are non-negative and sum to 1, like the real ones, with mean
 *   exactly w, so on average the samples are the group's own weighting.
 * - One number sets the spread: a weight w varies with standard deviation √(w(1−w)/(k+1)). With
 *   the default k = 50 a 20% weight moves by about ±5.6 points and a 10% weight by about ±4.2:
 *   the size of disagreement one more or one fewer member could make.
 * - Small weights move less in absolute terms than large ones and never go below 0, where adding
 *   the same normal noise to every weight would push small weights negative and need clipping.
 * - A weight of 0 stays 0 (its parameter is 0): what the group left out stays out.
 * Sampling: Dirichlet = independent Gamma(k·w_c) draws divided by their sum. The division is left
 * to `weightedScore`, which renormalises anyway, so the scores are those of the normalised sample.
 *
 * Counting: per sample, the options ranked first by the tie rule of `tally` (within
 * `TIE_TOLERANCE` of the top) share the win equally, so each sample hands out exactly one win and
 * the shares add up to 1. Two identical options each get half of every sample. A sample in which
 * no option has a score (when none has one at the centre either, or in theory when every drawn
 * weight underflows to 0) is counted as undecided and goes to nobody.
 *
 * The same basis, weights, samples, seed and concentration give identical figures on every
 * engine: the generator is seeded (see `random.ts`), and the loop allocates nothing per sample.
 */
import { SeededRandom } from "./random";
import { weightedScore } from "./weighted-score";
import { flatMeans, type ScoreBasis, weightVector, winnersInto } from "./what-if";

export const DEFAULT_SAMPLES = 10_000;
export const DEFAULT_SEED = 20_261_125;
export const DEFAULT_CONCENTRATION = 50;

export type MonteCarloOptions = {
  /** Weights to centre on, keyed by criterion, any non-negative scale; the basis's group weights by default. */
  weights?: Readonly<Record<string, number>>;
  /** A positive integer; 10,000 by default. */
  samples?: number;
  /** 20261125 by default. */
  seed?: number;
  /** Dirichlet concentration k, above 0; higher means smaller changes. 50 by default. */
  concentration?: number;
};

export type MonteCarloResult = {
  samples: number;
  seed: number;
  concentration: number;
  /** In basis order. `wins` counts samples won, a shared first place counting 1/(number sharing). */
  options: { optionId: string; wins: number; share: number }[];
  /** The winners at the centre weights, in basis order. */
  currentWinners: string[];
  /** Share of samples won by the current winner (with a tie at the top, by the tied winners together); null without one. */
  currentWinnersShare: number | null;
  /** Samples in which no option had a score. */
  undecided: number;
};

export function monteCarlo(basis: ScoreBasis, options: MonteCarloOptions = {}): MonteCarloResult {
  const samples = options.samples ?? DEFAULT_SAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const concentration = options.concentration ?? DEFAULT_CONCENTRATION;
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`Samples must be a positive integer, got ${samples}`);
  if (!Number.isFinite(concentration) || concentration <= 0) {
    throw new RangeError(`The concentration must be a finite number above 0, got ${concentration}`);
  }

  const means = flatMeans(basis);
  const centre = options.weights === undefined ? Float64Array.from(basis.groupWeights) : weightVector(basis, options.weights);
  const criterionCount = basis.criteria.length;
  const optionCount = basis.options.length;
  const optionIds = basis.options.map(({ id }) => id);

  const scores = new Float64Array(optionCount);
  const winners = new Int32Array(optionCount);
  const scoreAll = (weights: Float64Array) => {
    for (let option = 0; option < optionCount; option++) {
      scores[option] = weightedScore(weights, means, option * criterionCount) ?? Number.NaN;
    }
    return winnersInto(scores, winners);
  };

  const currentCount = scoreAll(centre);
  const currentWinners = Array.from(winners.subarray(0, currentCount));

  let total = 0;
  for (const weight of centre) total += weight;
  const shapes = centre.map((weight) => (total > 0 ? (concentration * weight) / total : 0));

  const random = new SeededRandom(seed);
  const sample = new Float64Array(criterionCount);
  const wins = new Float64Array(optionCount);
  let undecided = 0;
  for (let draw = 0; draw < samples; draw++) {
    for (let criterion = 0; criterion < criterionCount; criterion++) sample[criterion] = random.gamma(shapes[criterion]!);
    const count = scoreAll(sample);
    if (count === 0) {
      undecided++;
      continue;
    }
    const share = 1 / count;
    for (let index = 0; index < count; index++) wins[winners[index]!]! += share;
  }

  let currentWins = 0;
  for (const option of currentWinners) currentWins += wins[option]!;
  return {
    samples,
    seed,
    concentration,
    options: optionIds.map((optionId, option) => ({ optionId, wins: wins[option]!, share: wins[option]! / samples })),
    currentWinners: currentWinners.map((option) => optionIds[option]!),
    currentWinnersShare: currentCount === 0 ? null : currentWins / samples,
    undecided,
  };
}

/** The robustness figure as a sentence: "Express comes first in 87% of 10,000 random re-weightings." */
export function describeMonteCarlo(basis: ScoreBasis, result: MonteCarloResult): string {
  const nameOf = (id: string) => basis.options.find((entry) => entry.id === id)?.name ?? id;
  if (result.currentWinnersShare === null) return "No option has a weighted score yet, so there is no winner to test.";
  const names = result.currentWinners.map(nameOf);
  const who = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} together`;
  const verb = names.length === 1 ? "comes" : "come";
  return `${who} ${verb} first in ${wholePercent(result.currentWinnersShare)} of ${withThousands(result.samples)} random re-weightings.`;
}

/** A share as a whole percentage that never rounds to "0%" or "100%" unless it is exactly that. */
function wholePercent(share: number): string {
  if (share <= 0 || share >= 1) return `${Math.round(share * 100)}%`;
  return `${Math.min(99, Math.max(1, Math.round(share * 100)))}%`;
}

/** 10000 → "10,000", the same in every locale. */
function withThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
