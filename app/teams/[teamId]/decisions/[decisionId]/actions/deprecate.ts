"use server";

import { decisionAction } from "@/lib/entry/actions";
import { deprecate } from "@/lib/services/outcomes";
import { deprecateSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const deprecateAction = decisionAction(
  deprecateSchema,
  "decision.run",
  async ({ ctx, input }) => {
    await deprecate(ctx);
    revalidateDecision(input.teamId, input.decisionId);
    return "Marked as deprecated.";
  },
  { confirm: true },
);
