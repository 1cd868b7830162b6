"use server";

import { decisionAction } from "@/lib/entry/actions";
import { amendOutcome } from "@/lib/services/outcomes";
import { amendOutcomeSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const amendOutcomeAction = decisionAction(amendOutcomeSchema, "decision.run", async ({ ctx, input }) => {
  await amendOutcome(ctx, input);
  revalidateDecision(input.teamId, input.decisionId);
  return "Amendment added under the record. The record itself is unchanged.";
});
