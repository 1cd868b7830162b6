"use server";

import { openNextRound } from "@/db/queries/decisions";
import { formAction } from "@/lib/actions/form-action";
import { openNextRoundSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const openNextRoundAction = formAction(openNextRoundSchema, async ({ db, user, input }) => {
  const round = await openNextRound(db, user.id, input);
  revalidateDecision(input.teamId, input.decisionId);
  return `Scoring round ${round} is open: members can re-score with the previous round's spread in view.`;
});
