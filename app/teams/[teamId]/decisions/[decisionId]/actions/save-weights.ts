"use server";

import { saveWeights } from "@/db/queries/ballots";
import { formAction } from "@/lib/actions/form-action";
import { weightSheetSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const saveWeightsAction = formAction(weightSheetSchema, async ({ db, user, input }) => {
  await saveWeights(db, user.id, input);
  revalidateDecision(input.teamId, input.decisionId);
  return { message: "Your weights are saved. You can change them until weighting closes.", data: { savedAt: new Date().toISOString() } };
});
