import "server-only";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../../db";
import { findSessionUser } from "../../db/queries/sessions";
import { env } from "../env";

export type CurrentUser = { id: string; name: string; email: string; sessionId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The session cookie's name as Auth.js picks it: "__Secure-" prefixed when the site is served
 * over HTTPS (AUTH_URL's protocol if set, else the forwarded protocol Next puts on every request).
 */
function sessionCookieName(requestHeaders: Headers): string {
  const configured = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  const protocol = configured ? new URL(configured).protocol : (requestHeaders.get("x-forwarded-proto") ?? "https");
  return protocol.startsWith("https") ? "__Secure-authjs.session-token" : "authjs.session-token";
}

/** The cookie's value, joined from its numbered chunks when Auth.js had to split a long one. */
function cookieValue(all: { name: string; value: string }[], name: string): string {
  const parts = all
    .filter((c) => c.value && (c.name === name || c.name.startsWith(`${name}.`)))
    .map((c) => ({ index: c.name === name ? 0 : Number.parseInt(c.name.slice(name.length + 1), 10) || 0, value: c.value }))
    .sort((a, b) => a.index - b.index);
  return parts.map((p) => p.value).join("");
}

/**
 * The user and session ids the signed (and encrypted) session cookie names, or null. This is the
 * token Auth.js's own auth() reads, decoded the same way, without the rest of auth(): that runs its
 * whole session endpoint (a CSRF token, a re-encrypted cookie that a page cannot set anyway) on
 * every call. The proxy still renews the cookie on each request.
 */
async function sessionClaims(): Promise<{ userId: string; sessionId: string } | null> {
  const name = sessionCookieName(await headers());
  const token = cookieValue((await cookies()).getAll(), name);
  if (!token) return null;
  const claims = await decode({ token, secret: env().AUTH_SECRET, salt: name }).catch(() => null);
  const userId = claims?.sub;
  const sessionId = claims?.sid;
  if (typeof userId !== "string" || typeof sessionId !== "string" || !UUID.test(sessionId) || !UUID.test(userId)) return null;
  return { userId, sessionId };
}

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

export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
