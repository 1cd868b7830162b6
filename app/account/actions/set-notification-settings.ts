"use server";

import { setEmailKinds } from "@/db/queries/notifications";
import { formAction } from "@/lib/entry/actions";
import { notificationSettingsSchema } from "@/lib/validation/notifications";

export const setNotificationSettingsAction = formAction(notificationSettingsSchema, async ({ db, user, input }) => {
  const choices = Object.fromEntries(Object.entries(input.email).map(([kind, delivery]) => [kind, delivery === "email"]));
  await setEmailKinds(db, user.id, choices);
  const emailed = Object.values(choices).filter(Boolean).length;
  return emailed === 0 ? "Saved: notifications stay in Verdict, no email." : `Saved: ${emailed} kind${emailed === 1 ? "" : "s"} also by email.`;
});
