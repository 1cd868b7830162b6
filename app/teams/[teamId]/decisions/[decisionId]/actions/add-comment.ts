"use server";

import { decisionAction } from "@/lib/entry/actions";
import { addComment } from "@/lib/services/discussion";
import { addCommentSchema } from "@/lib/validation/discussion";
import { revalidateDecision } from "./revalidate";

// A comment takes only a share lock: people discussing at once do not wait on each other.
export const addCommentAction = decisionAction(
  addCommentSchema,
  "decision.vote",
  async ({ ctx, input }) => {
    await addComment(ctx, input);
    revalidateDecision(input.teamId, input.decisionId);
    return { message: "Comment added.", data: { added: "1" } };
  },
  { lock: "share" },
);
