"use server";

import { decisionAction } from "@/lib/entry/actions";
import { decide } from "@/lib/services/outcomes";
import { reviewDueAtFor } from "@/lib/services/reviews";
import { recordDecisionSchema } from "@/lib/validation/review";
import { viewerTimeZone } from "@/lib/viewer-zone";
import { revalidateDecision } from "./revalidate";

export const decideAction = decisionAction(recordDecisionSchema, "decision.run", async ({ ctx, input }) => {
  const { zone } = await viewerTimeZone();
  await decide(ctx, { ...input, reviewDueAt: reviewDueAtFor(input.reviewOn, zone, ctx.now) });
  revalidateDecision(input.teamId, input.decisionId);
  return { redirectTo: `/teams/${input.teamId}/decisions/${input.decisionId}?decided=1` };
});
