"use server";

import { getDb } from "@/db";
import { revokeAllSessions } from "@/db/queries/sessions";
import { signOut } from "@/lib/auth";
import { requireUser } from "@/lib/auth/session";

export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser("/account");
  await revokeAllSessions(await getDb(), user.id);
  await signOut({ redirectTo: "/sign-in" });
}
