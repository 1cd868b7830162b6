"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/entry/actions";
import { deleteWebhook } from "@/lib/services/webhooks";
import { webhookRefSchema } from "@/lib/validation/webhooks";

export const deleteWebhookAction = teamAction(webhookRefSchema, "team.webhooks", async ({ ctx, input }) => {
  await deleteWebhook(ctx, input);
  revalidatePath(`/teams/${input.teamId}/webhooks`);
  return "Webhook deleted, with its delivery log.";
});
