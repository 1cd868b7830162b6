"use server";

import { decisionAction } from "@/lib/entry/actions";
import { saveWeights } from "@/lib/services/ballots";
import { weightSheetSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const saveWeightsAction = decisionAction(
  weightSheetSchema,
  "decision.vote",
  async ({ ctx, input }) => {
    await saveWeights(ctx, input);
    revalidateDecision(input.teamId, input.decisionId);
    return { message: "Your weights are saved. You can change them until weighting closes.", data: { savedAt: ctx.now.toISOString() } };
  },
  { lock: "share" },
);
