"use server";

import { decisionAction } from "@/lib/entry/actions";
import { supersede } from "@/lib/services/outcomes";
import { supersedeSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const supersedeAction = decisionAction(supersedeSchema, "decision.run", async ({ ctx, input }) => {
  await supersede(ctx, input);
  revalidateDecision(input.teamId, input.decisionId);
  revalidateDecision(input.teamId, input.supersededById);
  return "Marked as superseded.";
});
