"use server";

import { decisionAction } from "@/lib/entry/actions";
import { formatMoment } from "@/lib/domain/time-format";
import { setReviewDate } from "@/lib/services/reviews";
import { setReviewDateSchema } from "@/lib/validation/review";
import { viewerTimeZone } from "@/lib/viewer-zone";
import { revalidateDecision } from "./revalidate";

export const setReviewDateAction = decisionAction(setReviewDateSchema, "decision.run", async ({ ctx, input }) => {
  const { zone } = await viewerTimeZone();
  const due = await setReviewDate(ctx, { reviewOn: input.reviewOn, zone });
  revalidateDecision(input.teamId, input.decisionId);
  return `The review is now due on ${formatMoment(due, zone, { show: "date" })}.`;
});
