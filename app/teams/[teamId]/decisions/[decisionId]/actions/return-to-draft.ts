"use server";

import { decisionAction } from "@/lib/entry/actions";
import { returnToDraft } from "@/lib/services/decisions";
import { returnToDraftSchema } from "@/lib/validation/undo";
import { revalidateDecision } from "./revalidate";

export const returnToDraftAction = decisionAction(returnToDraftSchema, "decision.run", async ({ ctx, input }) => {
  await returnToDraft(ctx, input);
  revalidateDecision(input.teamId, input.decisionId);
  return "The decision is back in draft. Fix its options and criteria, then open weighting again.";
});
