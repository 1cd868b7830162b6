import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../../db";
import { findSessionUser } from "../../db/queries/sessions";
import { env } from "../env";
import { readSessionCookie } from "./session-cookie";

/** Who the request's session cookie names (checked and unexpired), without reading the database: who to look for, not yet who is signed in. */
export async function sessionClaims() {
  return readSessionCookie(await headers(), (await cookies()).getAll(), env().AUTH_SECRET);
}

/** `unread`: how many of their notifications are unread, for the header's bell. */
export type CurrentUser = { id: string; name: string; email: string; sessionId: string; timeZone: string | null; unread: number };

/**
 * The signed-in person, re-read from the database together with their session, so a cookie that
 * was signed out, revoked or has expired, or whose account is gone, has no one behind it. Cached
 * per request: the layout and the page both ask, and one read answers both.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await sessionClaims();
  if (!claims) return null;
  return findSessionUser(await getDb(), claims.sessionId, claims.userId);
});

export const SIGN_IN = "/sign-in";

export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(returnTo ? `${SIGN_IN}?callbackUrl=${encodeURIComponent(returnTo)}` : SIGN_IN);
  return user;
}
