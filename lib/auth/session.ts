import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../../db";
import { findSessionUser } from "../../db/queries/sessions";
import { auth } from ".";

export type CurrentUser = { id: string; name: string; email: string; sessionId: string; timeZone: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The signed-in person, re-read from the database together with their session, so a cookie that
 * was signed out, revoked or has expired, or whose account is gone, has no one behind it. Cached
 * per request: the layout and the page both ask, and one read answers both.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!userId || !sessionId || !UUID.test(sessionId) || !UUID.test(userId)) return null;
  return findSessionUser(await getDb(), sessionId, userId);
});

export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
