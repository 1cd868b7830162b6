"use server";

import { decisionAction } from "@/lib/entry/actions";
import { withdrawDecision } from "@/lib/services/decisions";
import { withdrawSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const withdrawAction = decisionAction(
  withdrawSchema,
  "decision.run",
  async ({ ctx, input }) => {
    await withdrawDecision(ctx, input);
    revalidateDecision(input.teamId, input.decisionId);
    return "The decision was withdrawn.";
  },
  { confirm: true },
);
