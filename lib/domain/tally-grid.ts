/**
 * The tally's input rows, checked by the rules at the top of tally.ts and laid out in flat arrays:
 * the group weights, every score, and each member's own score for each option.
 */
import type { TallyInput, TallyStructure } from "./tally";
import { MAX_SCORE, MAX_WEIGHT, MIN_SCORE, MIN_WEIGHT, normaliseWeights, toPercent } from "./weighted-score";

/** Dense positions for the ids of one input list, so the hot loops index arrays instead of maps. */
export type Indexed = { options: Map<string, number>; criteria: Map<string, number>; members: Map<string, number> };

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

export function indexInput(input: TallyInput): Indexed {
  return {
    options: indexById(input.options, "option"),
    criteria: indexById(input.criteria, "criterion"),
    members: indexById(input.members, "member"),
  };
}

/** In criterion order; `memberWeights` holds only the members whose weights count. */
export type GroupWeights = {
  byCriterion: number[];
  fallback: boolean;
  memberWeights: [memberId: string, weights: Record<string, number>][];
};

export function groupWeightsOf(input: TallyInput, indexed: Indexed): GroupWeights {
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
export type ScoreGrid = {
  bySlot: Float64Array;
  cellCounts: Float64Array;
  cellSums: Float64Array;
  cellSumsOfSquares: Float64Array;
};

export function scoreGridOf(input: TallyInput, indexed: Indexed): ScoreGrid {
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
export function ownScoresOf(input: TallyStructure, grid: ScoreGrid, groupWeights: readonly number[]): (number | null)[][] {
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
