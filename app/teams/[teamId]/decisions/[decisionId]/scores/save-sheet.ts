import "server-only";
import type { Outcome } from "@/lib/entry/actions";
import type { DecisionContext } from "@/lib/services/access";
import { saveScores } from "@/lib/services/ballots";
import type { ScoreSheetInput } from "@/lib/validation/decision";
import { revalidateDecision } from "../actions/revalidate";

/** Saving a member's score sheet, the same whether the sheet posted its server action or sent JSON to its route. */
export async function saveScoreSheet({ ctx, input }: { ctx: DecisionContext<"decision.vote">; input: ScoreSheetInput }): Promise<Outcome> {
  const { cells, firstTime } = await saveScores(ctx, input);
  // Pages are rendered per request, so only the browser's cache of pages visited before can be
  // stale, and a revalidation costs a full render of the sheet in an action's response. Only the
  // first submission changes what those pages show (progress, "your part"); later saves change
  // values that stay sealed, and the sheet itself shows what came back here.
  if (firstTime) revalidateDecision(input.teamId, input.decisionId);
  // The sheet sends every cell, a blank one without a score; a blank counts as missing in the tally.
  const blank = input.cells.length - cells;
  const blanks = blank > 0 ? `; ${blank} cell${blank === 1 ? " left blank counts" : "s left blank count"} as missing, not zero` : "";
  return {
    message: `Your ${cells} score${cells === 1 ? " is" : "s are"} saved${blanks}. You can change them until scoring closes.`,
    data: { savedAt: ctx.now.toISOString(), scored: String(cells) },
  };
}
