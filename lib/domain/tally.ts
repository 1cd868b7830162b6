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
 *
 * The parts: the scales and the weighted score in weighted-score.ts, the input laid out in arrays
 * in tally-grid.ts, Schulze and Borda over the members' rankings in tally-cross-check.ts, spreads
 * and consensus in tally-agreement.ts. This file puts them together and holds the shapes.
 */
import { rankWithTies } from "./statistics";
import { cellSpread, consensusOf, memberSpread } from "./tally-agreement";
import { memberRankingsOf, rankedCrossChecks } from "./tally-cross-check";
import { type GroupWeights, groupWeightsOf, indexInput, ownScoresOf, type ScoreGrid, scoreGridOf } from "./tally-grid";
import { weightedScore } from "./weighted-score";

export {
  MAX_SCORE,
  MAX_WEIGHT,
  MIN_SCORE,
  MIN_WEIGHT,
  normaliseWeights,
  type Score,
  SCORE_LABELS,
  SCORE_VALUES,
  type ScoreLabel,
  scoreLabel,
  weightedScore,
} from "./weighted-score";

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

function optionResultOf(
  input: TallyStructure,
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
    return { mean: n > 0 ? sum / n : null, n, sd: cellSpread(n, sum, grid.cellSumsOfSquares[cell]!) };
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

  return {
    optionId: id,
    name,
    score,
    rank: null, // known only once every option is scored
    coverage: criterionCount === 0 ? 0 : criteriaWithData / criterionCount,
    spread: memberSpread(ownScores, option),
    perCriterion: Object.fromEntries(perCriterion),
  };
}

/** What is being decided and by whom: the lists of a tally's input, without the rows. */
export type TallyStructure = Pick<TallyInput, "options" | "criteria" | "members">;

export function tally(input: TallyInput): Tally {
  const indexed = indexInput(input);
  return tallyOfGrid(input, groupWeightsOf(input, indexed), scoreGridOf(input, indexed));
}

/**
 * The tally from its input already laid out: the group weights and every score in one grid. `tally`
 * lays out rows; tally-sheets.ts lays out the compact sheets a large decision is read in. Both end
 * here, so the two give the same tally, bit for bit.
 */
export function tallyOfGrid(input: TallyStructure, groupWeights: GroupWeights, grid: ScoreGrid): Tally {
  const ownScores = ownScoresOf(input, grid, groupWeights.byCriterion);

  const options: OptionResult[] = rankWithTies(
    input.options.map((_option, option) => optionResultOf(input, option, grid, groupWeights.byCriterion, ownScores)),
    (result) => result.score,
  ).map(({ item, rank }) => ({ ...item, rank }));
  const winners = options.filter((result) => result.rank === 1).map((result) => result.optionId);
  // Each member's own ranking is also their ballot for Schulze and Borda.
  const memberRankings = memberRankingsOf(input, ownScores);

  return {
    groupWeights: Object.fromEntries(input.criteria.map((criterion, index) => [criterion.id, groupWeights.byCriterion[index]!])),
    weightsFallback: groupWeights.fallback,
    memberWeights: Object.fromEntries(groupWeights.memberWeights),
    options,
    winners,
    tiedWinner: winners.length > 1,
    memberRankings: Object.fromEntries(memberRankings),
    ...rankedCrossChecks(input.options, memberRankings, winners),
    consensus: consensusOf(options),
  };
}
