import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../../db";
import { findUserById } from "../../db/queries/users";
import { auth } from ".";

export type CurrentUser = { id: string; name: string; email: string };

/**
 * The signed-in person, re-read from the database so a deleted account has no session. Cached per
 * request: the layout and the page both ask, and one read answers both.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return findUserById(await getDb(), id);
});

export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
