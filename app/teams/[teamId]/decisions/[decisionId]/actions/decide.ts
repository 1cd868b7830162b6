"use server";

import { decisionAction } from "@/lib/entry/actions";
import { decide } from "@/lib/services/outcomes";
import { decideSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const decideAction = decisionAction(decideSchema, "decision.run", async ({ ctx, input }) => {
  await decide(ctx, input);
  revalidateDecision(input.teamId, input.decisionId);
  return { redirectTo: `/teams/${input.teamId}/decisions/${input.decisionId}?decided=1` };
});
