"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/entry/actions";
import { env } from "@/lib/env";
import { createWebhook } from "@/lib/services/webhooks";
import { createWebhookSchema } from "@/lib/validation/webhooks";

export const createWebhookAction = teamAction(createWebhookSchema, "team.webhooks", async ({ ctx, input }) => {
  const { secret, generated } = await createWebhook(ctx, input, { allowPrivate: env().ALLOW_PRIVATE_WEBHOOKS });
  revalidatePath(`/teams/${input.teamId}/webhooks`);
  // The secret leaves the server this once, to the person who made the webhook.
  return generated
    ? { message: "Webhook added. Copy its secret now: it is not shown again.", data: { secret } }
    : { message: "Webhook added. It signs with the secret you gave." };
});
