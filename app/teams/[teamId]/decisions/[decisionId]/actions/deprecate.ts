"use server";

import { deprecate } from "@/db/queries/outcomes";
import { formAction } from "@/lib/actions/form-action";
import { deprecateSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const deprecateAction = formAction(deprecateSchema, async ({ db, user, input }) => {
  await deprecate(db, user.id, input);
  revalidateDecision(input.teamId, input.decisionId);
  return "Marked as deprecated.";
});
