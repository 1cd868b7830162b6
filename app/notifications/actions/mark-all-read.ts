"use server";

import { revalidatePath } from "next/cache";
import { announceUnread, markAllNotificationsRead } from "@/db/queries/notifications";
import { formAction } from "@/lib/entry/actions";
import { markAllReadSchema } from "@/lib/validation/notifications";

export const markAllReadAction = formAction(markAllReadSchema, async ({ db, user }) => {
  const count = await markAllNotificationsRead(db, user.id);
  // The bell in every page's header counts them, on the person's other open pages too.
  if (count > 0) await announceUnread(db, [user.id]);
  revalidatePath("/", "layout");
  return count === 0 ? "Nothing was unread." : count === 1 ? "Marked 1 notification read." : `Marked ${count} notifications read.`;
});
