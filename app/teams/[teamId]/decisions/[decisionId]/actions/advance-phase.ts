"use server";

import { advancePhase } from "@/db/queries/decisions";
import { formAction } from "@/lib/actions/form-action";
import { STATUS_LABELS } from "@/lib/domain/phases";
import { advancePhaseSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const advancePhaseAction = formAction(advancePhaseSchema, async ({ db, user, input }) => {
  const to = await advancePhase(db, user.id, input);
  revalidateDecision(input.teamId, input.decisionId);
  return `The decision is now in ${STATUS_LABELS[to].toLowerCase()}.`;
});
