"use server";

import { revalidatePath } from "next/cache";
import { setTimeZone } from "@/db/queries/users";
import { formAction } from "@/lib/entry/actions";
import { timeZoneSchema } from "@/lib/validation/account";

export const setTimeZoneAction = formAction(timeZoneSchema, async ({ db, user, input }) => {
  await setTimeZone(db, user.id, input.timeZone);
  // Every page writes times in this zone.
  revalidatePath("/", "layout");
  return input.timeZone ? `Times are now shown in ${input.timeZone.replaceAll("_", " ")}.` : "Times now follow your browser's time zone.";
});
