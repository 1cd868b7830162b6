"use server";

import { supersede } from "@/db/queries/outcomes";
import { formAction } from "@/lib/actions/form-action";
import { supersedeSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const supersedeAction = formAction(supersedeSchema, async ({ db, user, input }) => {
  await supersede(db, user.id, input);
  revalidateDecision(input.teamId, input.decisionId);
  revalidateDecision(input.teamId, input.supersededById);
  return "Marked as superseded.";
});
