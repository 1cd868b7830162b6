"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/entry/actions";
import { createDecision } from "@/lib/services/decisions";
import { createDecisionSchema } from "@/lib/validation/decision";

export const createDecisionAction = teamAction(createDecisionSchema, "decision.create", async ({ ctx, input }) => {
  const decision = await createDecision(ctx, input);
  revalidatePath(`/teams/${input.teamId}/decisions`);
  revalidatePath(`/teams/${input.teamId}`);
  return { redirectTo: `/teams/${input.teamId}/decisions/${decision.id}` };
});
