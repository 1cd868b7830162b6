/**
 * The tally of a decision: group criterion weights, each option's weighted score on 0..100, each
 * member's own ranking, two ranked-ballot cross-checks (Schulze, Borda) and how much members agree.
 *
 * Choices the rules leave open, made here once so every screen agrees:
 * - Rows naming a member, option or criterion that is not in the input lists are ignored: the lists
 *   say who and what is being considered (a member who left, an option taken off the shortlist).
 * - Bad data throws a RangeError instead of being clamped or skipped: a weight that is not an
 *   integer 0..10, a score that is not an integer 1..5, the same member weighting a criterion or
 *   scoring a cell twice, or an id listed twice. These are stopped at the form and in the database,
 *   so reaching here is a bug, and a quietly wrong result is worse than none.
 * - A member's weights are counted even if they scored nothing, and a member's scores are counted
 *   even if they weighted nothing: the two are separate contributions.
 * - When no score of an option falls on a criterion with weight above 0, the option has no score,
 *   and its per-criterion contributions are null, as there is nothing for them to be a share of.
 * - A member's own score needs the same: an option they scored only on zero-weight criteria is
 *   unscored on their ballot.
 * - A member who scored nothing casts no ballot in Schulze or Borda (see `ballotPositions`).
 * - Schulze's full ranking is by layers of undefeated options, so that rank 1 is always its winner
 *   set (see `schulze`). It matches the count of options beaten whenever that count is consistent.
 * - Consensus uses every cell with two or more scores, including cells of zero-weight criteria:
 *   members disagreeing about a criterion is worth showing even when it does not move the result.
 * - Scores closer than 1e-9 on the 0..100 scale are equal (`TIE_TOLERANCE`), so a tie that is
 *   exact in arithmetic is not broken by floating-point rounding.
 *
 * Everything is computed from arrays indexed once, so a tally is linear in members × options ×
 * criteria, and the same input gives the same output, key order included, on server and browser.
 */
import { borda } from "./borda";
import { type Ballot, schulze } from "./schulze";
import { mean, populationStandardDeviation, rankWithTies } from "./statistics";

export type TallyInput = {
  /** In display order; ties keep this order. */
  options: { id: string; name: string }[];
  criteria: { id: string; name: string }[];
  /** The voting members considered. */
  members: { id: string; name: string }[];
  /** Integers 0..10. */
  weights: { memberId: string; criterionId: string; weight: number }[];
  /** Integers 1..5. */
  scores: { memberId: string; optionId: string; criterionId: string; score: number }[];
};

export type CriterionResult = {
  /** Mean on the 1..5 scale over the members who scored this cell; null if nobody did. */
  mean: number | null;
  n: number;
  /** Population standard deviation on the 1..5 scale; null below two scores. */
  sd: number | null;
  /** Points of the option's 0..100 score this criterion supplies; the option's contributions sum to its score. */
  contribution: number | null;
};

export type OptionResult = {
  optionId: string;
  name: string;
  /** Weighted score on 0..100; null when there is no weighted score to give. */
  score: number | null;
  rank: number | null;
  /** Share of criteria with at least one score for this option, 0..1. */
  coverage: number;
  /** Population standard deviation of members' own scores for this option on 0..100; null below two. */
  spread: number | null;
  perCriterion: Record<string, CriterionResult>;
};

export type MemberRankingEntry = { optionId: string; score: number | null; rank: number | null };

export type ConsensusLabel = "strong" | "moderate" | "weak";

/**
 * Keyed records are plain objects, which React can hand from a server component to the browser;
 * read them with ids from the input and take order from the arrays, never from key order.
 */
export type Tally = {
  groupWeights: Record<string, number>;
  /** True when no member gave a usable weight, so every criterion weighs the same. */
  weightsFallback: boolean;
  /** Normalised weights of the members who count, every criterion included. */
  memberWeights: Record<string, Record<string, number>>;
  /** Sorted by rank, unranked last, ties in input order. */
  options: OptionResult[];
  winners: string[];
  tiedWinner: boolean;
  /** Every member, each list sorted like `options`. */
  memberRankings: Record<string, MemberRankingEntry[]>;
  schulze: {
    winners: string[];
    ranking: { optionId: string; rank: number; beats: number }[];
    pairwise: Record<string, Record<string, number>>;
    strongestPaths: Record<string, Record<string, number>>;
    ballots: number;
  };
  borda: { winners: string[]; points: Record<string, number>; ranking: { optionId: string; rank: number }[]; ballots: number };
  crossCheck: {
    agrees: boolean;
    weightedWinners: string[];
    schulzeWinners: string[];
    bordaWinners: string[];
    disagreements: string[];
  };
  consensus: { value: number; label: ConsensusLabel } | null;
};

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

/** The largest population standard deviation on 1..5: half the members at 1, half at 5. */
const LARGEST_SCORE_SD = (MAX_SCORE - MIN_SCORE) / 2;

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
function toPercent(meanScore: number): number {
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

function consensusLabel(value: number): ConsensusLabel {
  if (value >= 0.8) return "strong";
  if (value >= 0.6) return "moderate";
  return "weak";
}

function indexById(items: readonly { id: string }[], kind: string): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach(({ id }, position) => {
    if (index.has(id)) throw new RangeError(`The ${kind} ${id} is listed twice`);
    index.set(id, position);
  });
  return index;
}

function isIntegerBetween(value: number, low: number, high: number): boolean {
  return Number.isInteger(value) && value >= low && value <= high;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const inA = new Set(a);
  return a.length === b.length && b.every((id) => inA.has(id));
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function describeFirstPlace(method: string, winnerNames: readonly string[]): string {
  if (winnerNames.length === 0) return `${method} ranks no option first`;
  return `${method} ranks ${listNames(winnerNames)} ${winnerNames.length > 1 ? "joint first" : "first"}`;
}

/** Dense positions for the ids of one input list, so the hot loops index arrays instead of maps. */
type Indexed = { options: Map<string, number>; criteria: Map<string, number>; members: Map<string, number> };

type GroupWeights = {
  byCriterion: number[];
  fallback: boolean;
  memberWeights: [memberId: string, weights: Record<string, number>][];
};

function groupWeightsOf(input: TallyInput, indexed: Indexed): GroupWeights {
  const { criteria, members } = input;
  const criterionCount = criteria.length;
  const weightGiven = new Uint8Array(members.length * criterionCount);
  const givenWeights: [criterionId: string, weight: number][][] = members.map(() => []);
  for (const { memberId, criterionId, weight } of input.weights) {
    const member = indexed.members.get(memberId);
    const criterion = indexed.criteria.get(criterionId);
    if (member === undefined || criterion === undefined) continue;
    if (!isIntegerBetween(weight, MIN_WEIGHT, MAX_WEIGHT)) {
      throw new RangeError(`Weight of member ${memberId} for criterion ${criterionId} must be an integer from ${MIN_WEIGHT} to ${MAX_WEIGHT}, got ${weight}`);
    }
    const slot = member * criterionCount + criterion;
    if (weightGiven[slot]) throw new RangeError(`Member ${memberId} weighted criterion ${criterionId} twice`);
    weightGiven[slot] = 1;
    givenWeights[member]!.push([criterionId, weight]);
  }

  const memberWeights: GroupWeights["memberWeights"] = [];
  const sums = criteria.map(() => 0);
  members.forEach(({ id }, member) => {
    const normalised = normaliseWeights(Object.fromEntries(givenWeights[member]!));
    if (normalised === null) return;
    const complete = criteria.map(({ id: criterionId }, criterion): [string, number] => {
      const weight = Object.hasOwn(normalised, criterionId) ? normalised[criterionId]! : 0;
      sums[criterion] = sums[criterion]! + weight;
      return [criterionId, weight];
    });
    memberWeights.push([id, Object.fromEntries(complete)]);
  });

  const fallback = memberWeights.length === 0;
  const byCriterion = sums.map((sum) => (fallback ? 1 / criterionCount : sum / memberWeights.length));
  return { byCriterion, fallback, memberWeights };
}

/**
 * Every score in one flat array, slot = member × cell, cell = option × criterion, NaN where a
 * member did not score. Per cell, count, sum and sum of squares: integer sums are exact, so the
 * cell figures do not depend on the order the rows arrive in.
 */
type ScoreGrid = {
  bySlot: Float64Array;
  cellCounts: Float64Array;
  cellSums: Float64Array;
  cellSumsOfSquares: Float64Array;
};

function scoreGridOf(input: TallyInput, indexed: Indexed): ScoreGrid {
  const cellCount = input.options.length * input.criteria.length;
  const grid: ScoreGrid = {
    bySlot: new Float64Array(input.members.length * cellCount).fill(Number.NaN),
    cellCounts: new Float64Array(cellCount),
    cellSums: new Float64Array(cellCount),
    cellSumsOfSquares: new Float64Array(cellCount),
  };
  for (const { memberId, optionId, criterionId, score } of input.scores) {
    const member = indexed.members.get(memberId);
    const option = indexed.options.get(optionId);
    const criterion = indexed.criteria.get(criterionId);
    if (member === undefined || option === undefined || criterion === undefined) continue;
    if (!isIntegerBetween(score, MIN_SCORE, MAX_SCORE)) {
      throw new RangeError(
        `Score of member ${memberId} for option ${optionId} on criterion ${criterionId} must be an integer from ${MIN_SCORE} to ${MAX_SCORE}, got ${score}`,
      );
    }
    const cell = option * input.criteria.length + criterion;
    const slot = member * cellCount + cell;
    if (!Number.isNaN(grid.bySlot[slot]!)) {
      throw new RangeError(`Member ${memberId} scored option ${optionId} on criterion ${criterionId} twice`);
    }
    grid.bySlot[slot] = score;
    grid.cellCounts[cell] = grid.cellCounts[cell]! + 1;
    grid.cellSums[cell] = grid.cellSums[cell]! + score;
    grid.cellSumsOfSquares[cell] = grid.cellSumsOfSquares[cell]! + score * score;
  }
  return grid;
}

/** ownScores[member][option] on 0..100, renormalised over the criteria that member scored. */
function ownScoresOf(input: TallyInput, grid: ScoreGrid, groupWeights: readonly number[]): (number | null)[][] {
  const criterionCount = input.criteria.length;
  const cellCount = input.options.length * criterionCount;
  return input.members.map((_member, member) =>
    input.options.map((_option, option) => {
      const firstSlot = member * cellCount + option * criterionCount;
      let weighted = 0;
      let weightOfScored = 0;
      // Criterion order, like the group score, so equal inputs give equal bits.
      for (let criterion = 0; criterion < criterionCount; criterion++) {
        const score = grid.bySlot[firstSlot + criterion]!;
        if (Number.isNaN(score)) continue;
        const weight = groupWeights[criterion]!;
        weighted += weight * score;
        weightOfScored += weight;
      }
      return weightOfScored > 0 ? toPercent(weighted / weightOfScored) : null;
    }),
  );
}

function optionResultOf(
  input: TallyInput,
  option: number,
  grid: ScoreGrid,
  groupWeights: readonly number[],
  ownScores: readonly (number | null)[][],
): OptionResult {
  const { id, name } = input.options[option]!;
  const criterionCount = input.criteria.length;
  const cells = input.criteria.map((_criterion, criterion) => {
    const cell = option * criterionCount + criterion;
    const n = grid.cellCounts[cell]!;
    const sum = grid.cellSums[cell]!;
    // n·Σx² − (Σx)² is an exact integer, so a cell where everyone agrees gets exactly 0.
    const sd = n >= 2 ? Math.sqrt(n * grid.cellSumsOfSquares[cell]! - sum * sum) / n : null;
    return { mean: n > 0 ? sum / n : null, n, sd };
  });

  const criteriaWithData = cells.filter(({ n }) => n > 0).length;
  const contributions = new Float64Array(criterionCount);
  const score = weightedScore(
    groupWeights,
    cells.map(({ mean: cellMean }) => cellMean ?? Number.NaN),
    0,
    contributions,
  );
  const perCriterion = input.criteria.map(({ id: criterionId }, criterion): [string, CriterionResult] => {
    const { mean: cellMean, n, sd } = cells[criterion]!;
    const contribution = contributions[criterion]!;
    return [criterionId, { mean: cellMean, n, sd, contribution: Number.isNaN(contribution) ? null : contribution }];
  });

  const memberScores: number[] = [];
  for (const scores of ownScores) {
    const own = scores[option];
    if (own !== null && own !== undefined) memberScores.push(own);
  }

  return {
    optionId: id,
    name,
    score,
    rank: null, // known only once every option is scored
    coverage: criterionCount === 0 ? 0 : criteriaWithData / criterionCount,
    spread: memberScores.length >= 2 ? populationStandardDeviation(memberScores) : null,
    perCriterion: Object.fromEntries(perCriterion),
  };
}

function disagreementsOf(
  options: TallyInput["options"],
  weightedWinners: readonly string[],
  methods: readonly { method: string; winners: readonly string[] }[],
): string[] {
  const nameOf = new Map(options.map((option) => [option.id, option.name]));
  const namesOf = (ids: readonly string[]) => ids.map((id) => nameOf.get(id) ?? id);
  const weightedFirst = describeFirstPlace("the weighted score", namesOf(weightedWinners));
  return methods
    .filter(({ winners }) => !sameSet(winners, weightedWinners))
    .map(({ method, winners }) => `${describeFirstPlace(method, namesOf(winners))}; ${weightedFirst}.`);
}

function consensusOf(cellDeviations: readonly number[]): Tally["consensus"] {
  const meanDeviation = mean(cellDeviations);
  if (meanDeviation === null) return null;
  const value = Math.min(1, Math.max(0, 1 - meanDeviation / LARGEST_SCORE_SD));
  return { value, label: consensusLabel(value) };
}

export function tally(input: TallyInput): Tally {
  const indexed: Indexed = {
    options: indexById(input.options, "option"),
    criteria: indexById(input.criteria, "criterion"),
    members: indexById(input.members, "member"),
  };
  const groupWeights = groupWeightsOf(input, indexed);
  const grid = scoreGridOf(input, indexed);
  const ownScores = ownScoresOf(input, grid, groupWeights.byCriterion);

  const options: OptionResult[] = rankWithTies(
    input.options.map((_option, option) => optionResultOf(input, option, grid, groupWeights.byCriterion, ownScores)),
    (result) => result.score,
  ).map(({ item, rank }) => ({ ...item, rank }));
  const winners = options.filter((result) => result.rank === 1).map((result) => result.optionId);

  // Each member's own ranking is also their ballot for Schulze and Borda.
  const memberRankings = input.members.map(({ id }, member): [string, MemberRankingEntry[]] => {
    const ownScoreEntries = input.options.map((option, index) => ({
      optionId: option.id,
      score: ownScores[member]![index] ?? null,
    }));
    const ranked = rankWithTies(ownScoreEntries, (entry) => entry.score);
    return [id, ranked.map(({ item, rank }) => ({ optionId: item.optionId, score: item.score, rank }))];
  });
  const ballots: Ballot[] = memberRankings.map(([, ranking]) => ranking);
  const optionIds = input.options.map((option) => option.id);
  const schulzeResult = schulze(optionIds, ballots);
  const bordaResult = borda(optionIds, ballots);

  const disagreements = disagreementsOf(input.options, winners, [
    { method: "Schulze", winners: schulzeResult.winners },
    { method: "Borda", winners: bordaResult.winners },
  ]);

  const cellDeviations = options.flatMap((result) => Object.values(result.perCriterion).flatMap(({ sd }) => (sd === null ? [] : [sd])));

  return {
    groupWeights: Object.fromEntries(input.criteria.map((criterion, index) => [criterion.id, groupWeights.byCriterion[index]!])),
    weightsFallback: groupWeights.fallback,
    memberWeights: Object.fromEntries(groupWeights.memberWeights),
    options,
    winners,
    tiedWinner: winners.length > 1,
    memberRankings: Object.fromEntries(memberRankings),
    schulze: schulzeResult,
    borda: bordaResult,
    crossCheck: {
      agrees: disagreements.length === 0,
      weightedWinners: winners,
      schulzeWinners: schulzeResult.winners,
      bordaWinners: bordaResult.winners,
      disagreements,
    },
    consensus: consensusOf(cellDeviations),
  };
}
