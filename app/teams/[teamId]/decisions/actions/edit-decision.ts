"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { editDecision } from "@/db/queries/decisions";
import { formAction } from "@/lib/actions/form-action";
import { editDecisionSchema } from "@/lib/validation/decision";

export const editDecisionAction = formAction(editDecisionSchema, async ({ db, user, input }) => {
  await editDecision(db, user.id, input);
  const base = `/teams/${input.teamId}/decisions/${input.decisionId}`;
  revalidatePath(base, "layout");
  revalidatePath(`/teams/${input.teamId}/decisions`);
  revalidatePath(`/teams/${input.teamId}`);
  redirect(base);
});
