"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/entry/actions";
import { sendTestEvent } from "@/lib/services/webhooks";
import { webhookRefSchema } from "@/lib/validation/webhooks";

export const sendTestWebhookAction = teamAction(webhookRefSchema, "team.webhooks", async ({ ctx, input }) => {
  await sendTestEvent(ctx, input);
  revalidatePath(`/teams/${input.teamId}/webhooks`);
  return "Test event queued: it goes out within seconds. Reload to see it in the delivery log.";
});
