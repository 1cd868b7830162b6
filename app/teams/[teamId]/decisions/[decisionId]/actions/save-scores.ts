"use server";

import { saveScores } from "@/db/queries/ballots";
import { formAction } from "@/lib/actions/form-action";
import { scoreSheetSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const saveScoresAction = formAction(scoreSheetSchema, async ({ db, user, input }) => {
  const { cells } = await saveScores(db, user.id, input);
  revalidateDecision(input.teamId, input.decisionId);
  return {
    message: `Your ${cells} score${cells === 1 ? " is" : "s are"} saved. You can change them until scoring closes.`,
    data: { savedAt: new Date().toISOString() },
  };
});
