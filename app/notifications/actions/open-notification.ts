"use server";

import { revalidatePath } from "next/cache";
import { announceUnread, markNotificationRead } from "@/db/queries/notifications";
import { formAction } from "@/lib/entry/actions";
import { openNotificationSchema } from "@/lib/validation/notifications";

/** Opening a notification marks it read and goes to its page; only the person's own can be opened. */
export const openNotificationAction = formAction(openNotificationSchema, async ({ db, user, input }) => {
  const path = await markNotificationRead(db, user.id, input.id);
  if (!path || !path.startsWith("/") || path.startsWith("//")) return { message: "That notification is no longer there." };
  // The bell in the header counts it no more, here and on the person's other open pages.
  await announceUnread(db, [user.id]);
  revalidatePath("/", "layout");
  return { redirectTo: path };
});
