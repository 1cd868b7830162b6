"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createDecision } from "@/db/queries/decisions";
import { formAction } from "@/lib/actions/form-action";
import { createDecisionSchema } from "@/lib/validation/decision";

export const createDecisionAction = formAction(createDecisionSchema, async ({ db, user, input }) => {
  const decision = await createDecision(db, user.id, input);
  revalidatePath(`/teams/${input.teamId}/decisions`);
  revalidatePath(`/teams/${input.teamId}`);
  redirect(`/teams/${input.teamId}/decisions/${decision.id}`);
});
