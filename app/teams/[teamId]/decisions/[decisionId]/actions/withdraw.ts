"use server";

import { withdrawDecision } from "@/db/queries/decisions";
import { formAction } from "@/lib/actions/form-action";
import { withdrawSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const withdrawAction = formAction(withdrawSchema, async ({ db, user, input }) => {
  await withdrawDecision(db, user.id, input);
  revalidateDecision(input.teamId, input.decisionId);
  return "The decision was withdrawn.";
});
