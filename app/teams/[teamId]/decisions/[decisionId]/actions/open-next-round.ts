"use server";

import { decisionAction } from "@/lib/entry/actions";
import { openNextRound } from "@/lib/services/decisions";
import { openNextRoundSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const openNextRoundAction = decisionAction(
  openNextRoundSchema,
  "decision.run",
  async ({ ctx, input }) => {
    const round = await openNextRound(ctx, input);
    revalidateDecision(input.teamId, input.decisionId);
    return `Scoring round ${round} is open: members can re-score with the previous round's spread in view.`;
  },
  { confirm: true },
);
