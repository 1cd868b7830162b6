"use server";

import { decisionAction } from "@/lib/entry/actions";
import { saveReview } from "@/lib/services/reviews";
import { reviewSchema } from "@/lib/validation/review";
import { revalidateDecision } from "./revalidate";

// Open to any member at the door; the use case lets through only the facilitator and the deciding round's voters.
export const saveReviewAction = decisionAction(reviewSchema, "decision.view", async ({ ctx, input }) => {
  await saveReview(ctx, input);
  revalidateDecision(input.teamId, input.decisionId);
  return { redirectTo: `/teams/${input.teamId}/decisions/${input.decisionId}/review?saved=1` };
});
