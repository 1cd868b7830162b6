"use server";

import { decisionAction } from "@/lib/entry/actions";
import { removeComment } from "@/lib/services/discussion";
import { removeCommentSchema } from "@/lib/validation/discussion";
import { revalidateDecision } from "./revalidate";

export const removeCommentAction = decisionAction(
  removeCommentSchema,
  "decision.vote",
  async ({ ctx, input }) => {
    await removeComment(ctx, input);
    revalidateDecision(input.teamId, input.decisionId);
    return "Comment removed.";
  },
  { lock: "share", confirm: true },
);
