import { z } from "zod";
import { type NotificationKind, SENT_NOTIFICATION_KINDS } from "../domain/notifications";
import { wholeNumber } from "./fields";
import { DELIVERY_CHOICES } from "./limits";

/** Opening one notification from the inbox: its id, nothing else. */
export const openNotificationSchema = z.strictObject({
  id: wholeNumber({ invalid: "Unknown notification", min: [1, "Unknown notification"], max: [Number.MAX_SAFE_INTEGER, "Unknown notification"] }),
});

export const markAllReadSchema = z.strictObject({});

export { DELIVERY_CHOICES };
const delivery = z.enum(DELIVERY_CHOICES, { error: "Choose “In Verdict only” or “Also by email”" });

/** Every kind sent, each in the app only or also by email: `email.<kind>` fields, no others. */
export const notificationSettingsSchema = z.strictObject({
  email: z.strictObject(Object.fromEntries(SENT_NOTIFICATION_KINDS.map((kind) => [kind, delivery])) as Record<NotificationKind, typeof delivery>, {
    error: "Choose how to hear about each kind of notification",
  }),
});
export type NotificationSettingsInput = z.infer<typeof notificationSettingsSchema>;
