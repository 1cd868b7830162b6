"use server";

import { decisionAction } from "@/lib/entry/actions";
import { editDecision } from "@/lib/services/decisions";
import { editDecisionSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "../[decisionId]/actions/revalidate";

export const editDecisionAction = decisionAction(editDecisionSchema, "decision.run", async ({ ctx, input }) => {
  await editDecision(ctx, input);
  revalidateDecision(input.teamId, input.decisionId);
  return { redirectTo: `/teams/${input.teamId}/decisions/${input.decisionId}` };
});
