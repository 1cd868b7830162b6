import "server-only";
import type { Outcome } from "@/lib/entry/actions";
import type { DecisionContext } from "@/lib/services/access";
import { saveWeights } from "@/lib/services/ballots";
import type { WeightSheetInput } from "@/lib/validation/decision";
import { revalidateDecision } from "../actions/revalidate";

/** Saving a member's weights, the same whether the sheet posted its server action or sent JSON to its route. */
export async function saveWeightSheet({ ctx, input }: { ctx: DecisionContext<"decision.vote">; input: WeightSheetInput }): Promise<Outcome> {
  const { firstTime } = await saveWeights(ctx, input);
  // As for scores: only the first submission changes what other pages show (see ../scores/save-sheet.ts).
  if (firstTime) revalidateDecision(input.teamId, input.decisionId);
  return { message: "Your weights are saved. You can change them until weighting closes.", data: { savedAt: ctx.now.toISOString() } };
}
