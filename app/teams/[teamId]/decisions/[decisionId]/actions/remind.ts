"use server";

import { decisionAction } from "@/lib/entry/actions";
import { people } from "@/lib/domain/reminders";
import { remindAwaited } from "@/lib/services/reminders";
import { remindSchema } from "@/lib/validation/decision";
import { viewerTimeZone } from "@/lib/viewer-zone";
import { revalidateDecision } from "./revalidate";

export const remindAction = decisionAction(remindSchema, "decision.run", async ({ ctx, input }) => {
  const { zone } = await viewerTimeZone();
  const { count } = await remindAwaited(ctx, zone);
  revalidateDecision(input.teamId, input.decisionId);
  return `Reminder sent to ${people(count)}.`;
});
