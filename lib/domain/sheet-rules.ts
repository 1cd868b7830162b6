/**
 * The rules a member's sheet must meet beyond each field's own range, in one place for every
 * caller: a note or evidence link needs a score beside it, a score sheet needs at least one
 * score, and a weight sheet weighs every criterion (which ones it leaves out, the statement that
 * saves it finds: writeWeightSheet in db/queries/ballots.ts). Field keys match the form's field
 * names, so a problem lands next to the field that causes it.
 */

export type SheetProblem = { message: string; fieldErrors: Record<string, string> };

export type ScoreCell = { optionId: string; criterionId: string; score?: number; comment: string; evidence: string | null };

export function scoreSheetProblem(cells: readonly ScoreCell[]): SheetProblem | null {
  const orphanNotes = cells.filter((c) => c.score === undefined && (c.comment || c.evidence));
  if (orphanNotes.length > 0) {
    return {
      message: "A comment or link needs a score beside it.",
      fieldErrors: Object.fromEntries(orphanNotes.map((c) => [`scores.${c.optionId}.${c.criterionId}.score`, "Choose a score for this comment or link"])),
    };
  }
  if (!cells.some((c) => c.score !== undefined)) return { message: "Score at least one option before saving.", fieldErrors: {} };
  return null;
}

/** The problem of a weight sheet that leaves out the criteria `unweighted`, if it leaves out any. */
export function unweightedProblem(unweighted: readonly string[]): SheetProblem | null {
  if (unweighted.length === 0) return null;
  return {
    message: "Give every criterion a weight (0 means it does not matter to you).",
    fieldErrors: Object.fromEntries(unweighted.map((id) => [`weights.${id}`, "Give a weight from 0 to 10"])),
  };
}
