"use server";

import { decisionAction } from "@/lib/entry/actions";
import { STATUS_LABELS } from "@/lib/domain/phases";
import { advancePhase } from "@/lib/services/decisions";
import { advancePhaseSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const advancePhaseAction = decisionAction(
  advancePhaseSchema,
  "decision.run",
  async ({ ctx, input }) => {
    const to = await advancePhase(ctx, input);
    revalidateDecision(input.teamId, input.decisionId);
    return `The decision is now in ${STATUS_LABELS[to].toLowerCase()}.`;
  },
  { confirm: true },
);
