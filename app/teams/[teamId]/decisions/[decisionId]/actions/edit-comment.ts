"use server";

import { decisionAction } from "@/lib/entry/actions";
import { editComment } from "@/lib/services/discussion";
import { editCommentSchema } from "@/lib/validation/discussion";
import { revalidateDecision } from "./revalidate";

export const editCommentAction = decisionAction(
  editCommentSchema,
  "decision.vote",
  async ({ ctx, input }) => {
    await editComment(ctx, input);
    revalidateDecision(input.teamId, input.decisionId);
    return "Comment updated.";
  },
  { lock: "share" },
);
