"use server";

import { decisionAction } from "@/lib/entry/actions";
import { withdrawSheet } from "@/lib/services/withdrawals";
import { withdrawSheetSchema } from "@/lib/validation/undo";
import { revalidateDecision } from "./revalidate";

// A share lock, as saves take: other members keep saving meanwhile; this member's save and
// withdrawal meet on their ballot row and run one after the other (see lib/services/withdrawals.ts).
export const withdrawSheetAction = decisionAction(
  withdrawSheetSchema,
  "decision.vote",
  async ({ ctx, input }) => {
    await withdrawSheet(ctx, input);
    revalidateDecision(input.teamId, input.decisionId);
    // To the decision page: the sheet's page would keep the withdrawn values in the browser's form.
    return { redirectTo: `/teams/${input.teamId}/decisions/${input.decisionId}?withdrew=${input.kind}` };
  },
  { lock: "share" },
);
