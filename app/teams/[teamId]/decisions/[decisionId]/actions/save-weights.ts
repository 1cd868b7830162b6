"use server";

import { decisionAction } from "@/lib/entry/actions";
import { saveWeights } from "@/lib/services/ballots";
import { weightSheetSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const saveWeightsAction = decisionAction(
  weightSheetSchema,
  "decision.vote",
  async ({ ctx, input }) => {
    const { firstTime } = await saveWeights(ctx, input);
    // As for scores: only the first submission changes what other pages show (see save-scores.ts).
    if (firstTime) revalidateDecision(input.teamId, input.decisionId);
    return { message: "Your weights are saved. You can change them until weighting closes.", data: { savedAt: ctx.now.toISOString() } };
  },
  { lock: "share" },
);
