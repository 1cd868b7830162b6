"use server";

import { decisionAction } from "@/lib/entry/actions";
import { saveScores } from "@/lib/services/ballots";
import { scoreSheetSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const saveScoresAction = decisionAction(
  scoreSheetSchema,
  "decision.vote",
  async ({ ctx, input }) => {
    const { cells } = await saveScores(ctx, input);
    revalidateDecision(input.teamId, input.decisionId);
    return {
      message: `Your ${cells} score${cells === 1 ? " is" : "s are"} saved. You can change them until scoring closes.`,
      data: { savedAt: ctx.now.toISOString() },
    };
  },
  { lock: "share" },
);
