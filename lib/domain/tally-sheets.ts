/**
 * A tally read from sheets rather than rows: every member's scores in one flat byte array, the form
 * in which the database hands over a large decision (1,000 members × 20 options × 20 criteria is
 * 400,000 scores: as rows, most of the time goes into building 400,000 objects).
 *
 * The rules of tally.ts hold unchanged: the lists are checked the same way, weights are the same
 * rows, and the grid is filled with the same integers, so `tallyOfSheets(sheetsOf(input))` equals
 * `tally(input)`, bit for bit.
 */
import { tallyOfGrid, type Tally, type TallyInput, type TallyStructure } from "./tally";
import { groupWeightsOf, indexInput, type ScoreGrid } from "./tally-grid";
import { MAX_SCORE, MIN_SCORE } from "./weighted-score";

export type TallySheets = TallyStructure & {
  /** Integers 0..10, as in `TallyInput`. */
  weights: TallyInput["weights"];
  /**
   * sheets[member × cells + cell], with cell = option × criteria.length + criterion and both in
   * list order: the member's score 1..5, or 0 where they did not score the cell.
   */
  sheets: Uint8Array;
};

/** Position of a cell in a sheet. */
export const cellOf = (option: number, criterion: number, criterionCount: number) => option * criterionCount + criterion;

/** Every score in the grid `tally` computes from, with the per-cell count, sum and sum of squares. */
export function scoreGridOfSheets(input: TallySheets): ScoreGrid {
  const cellCount = input.options.length * input.criteria.length;
  const { sheets } = input;
  if (sheets.length !== input.members.length * cellCount) {
    throw new RangeError(
      `Sheets for ${input.members.length} members × ${cellCount} cells need ${input.members.length * cellCount} entries, got ${sheets.length}`,
    );
  }
  const grid: ScoreGrid = {
    bySlot: new Float64Array(sheets.length).fill(Number.NaN),
    cellCounts: new Float64Array(cellCount),
    cellSums: new Float64Array(cellCount),
    cellSumsOfSquares: new Float64Array(cellCount),
  };
  for (let slot = 0; slot < sheets.length; slot++) {
    const score = sheets[slot]!;
    if (score === 0) continue;
    if (score < MIN_SCORE || score > MAX_SCORE) {
      const member = input.members[Math.floor(slot / cellCount)]!;
      throw new RangeError(`A score of member ${member.id} must be an integer from ${MIN_SCORE} to ${MAX_SCORE}, got ${score}`);
    }
    const cell = slot % cellCount;
    grid.bySlot[slot] = score;
    grid.cellCounts[cell] = grid.cellCounts[cell]! + 1;
    grid.cellSums[cell] = grid.cellSums[cell]! + score;
    grid.cellSumsOfSquares[cell] = grid.cellSumsOfSquares[cell]! + score * score;
  }
  return grid;
}

export function tallyOfSheets(input: TallySheets): Tally {
  const rows: TallyInput = { options: input.options, criteria: input.criteria, members: input.members, weights: input.weights, scores: [] };
  const indexed = indexInput(rows);
  return tallyOfGrid(input, groupWeightsOf(rows, indexed), scoreGridOfSheets(input));
}

/**
 * Rows laid out as sheets, by the rules of `tally`: rows naming someone or something not in the
 * lists are left out, and a cell scored twice by one member throws. Scores outside 1..5 are kept
 * as they are (up to 255), so `tallyOfSheets` refuses them as `tally` would.
 */
export function sheetsOf(input: TallyInput): TallySheets {
  const { members, weights } = input;
  const indexed = indexInput(input);
  const criterionCount = input.criteria.length;
  const cellCount = input.options.length * criterionCount;
  const sheets = new Uint8Array(members.length * cellCount);
  for (const { memberId, optionId, criterionId, score } of input.scores) {
    const member = indexed.members.get(memberId);
    const option = indexed.options.get(optionId);
    const criterion = indexed.criteria.get(criterionId);
    if (member === undefined || option === undefined || criterion === undefined) continue;
    if (!Number.isInteger(score) || score < 1 || score > 255)
      throw new RangeError(`A score must be an integer from ${MIN_SCORE} to ${MAX_SCORE}, got ${score}`);
    const slot = member * cellCount + cellOf(option, criterion, criterionCount);
    if (sheets[slot] !== 0) throw new RangeError(`Member ${memberId} scored option ${optionId} on criterion ${criterionId} twice`);
    sheets[slot] = score;
  }
  return { options: input.options, criteria: input.criteria, members, weights, sheets };
}

/** How many members scored at least one cell. */
export function scorerCount(input: TallySheets): number {
  const cellCount = input.options.length * input.criteria.length;
  let scorers = 0;
  for (let member = 0; member < input.members.length; member++) {
    const sheet = input.sheets.subarray(member * cellCount, (member + 1) * cellCount);
    if (sheet.some((score) => score !== 0)) scorers++;
  }
  return scorers;
}
