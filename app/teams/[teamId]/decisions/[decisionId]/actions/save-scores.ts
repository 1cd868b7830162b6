"use server";

import { decisionAction } from "@/lib/entry/actions";
import { saveScores } from "@/lib/services/ballots";
import { scoreSheetSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const saveScoresAction = decisionAction(
  scoreSheetSchema,
  "decision.vote",
  async ({ ctx, input }) => {
    const { cells, firstTime } = await saveScores(ctx, input);
    // Pages are rendered per request, so only the browser's cache of pages visited before can be
    // stale, and a revalidation costs a full render of the sheet in this response. Only the first
    // submission changes what those pages show (progress, "your part"); later saves change values
    // that stay sealed, and the sheet itself shows what came back here.
    if (firstTime) revalidateDecision(input.teamId, input.decisionId);
    return {
      message: `Your ${cells} score${cells === 1 ? " is" : "s are"} saved. You can change them until scoring closes.`,
      data: { savedAt: ctx.now.toISOString(), scored: String(cells) },
    };
  },
  { lock: "share" },
);
