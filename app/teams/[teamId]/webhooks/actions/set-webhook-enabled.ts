"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/entry/actions";
import { setWebhookEnabled } from "@/lib/services/webhooks";
import { setWebhookEnabledSchema } from "@/lib/validation/webhooks";

export const setWebhookEnabledAction = teamAction(setWebhookEnabledSchema, "team.webhooks", async ({ ctx, input }) => {
  await setWebhookEnabled(ctx, input);
  revalidatePath(`/teams/${input.teamId}/webhooks`);
  return input.enabled ? "Webhook resumed: new events are sent again." : "Webhook paused: events are not sent until you resume it.";
});
