import { decode } from "next-auth/jwt";

// The session cookie as Auth.js writes it at sign-in: an encrypted JWT whose subject is the user
// and whose "sid" is the row in `sessions`. Read here the way Auth.js reads it, without running
// Auth.js's session endpoint (a CSRF token and a re-encrypted cookie) on every request. The cookie
// lives as long as a session can (SESSION_LIFETIME.absoluteMs), so it is not renewed per request:
// the sessions table decides whether it still counts.

export type SessionClaims = { userId: string; sessionId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The cookie's name as Auth.js picks it: "__Secure-" prefixed when the site is served over HTTPS
 * (AUTH_URL's protocol if set, else the forwarded protocol Next puts on every request).
 */
export function sessionCookieName(headers: Headers): string {
  const configured = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  const protocol = configured ? new URL(configured).protocol : (headers.get("x-forwarded-proto") ?? "https");
  return protocol.startsWith("https") ? "__Secure-authjs.session-token" : "authjs.session-token";
}

/** The cookie's value, joined from its numbered chunks when Auth.js had to split a long one. */
function cookieValue(cookies: { name: string; value: string }[], name: string): string {
  return cookies
    .filter((c) => c.value && (c.name === name || c.name.startsWith(`${name}.`)))
    .map((c) => ({ index: c.name === name ? 0 : Number.parseInt(c.name.slice(name.length + 1), 10) || 0, value: c.value }))
    .sort((a, b) => a.index - b.index)
    .map((c) => c.value)
    .join("");
}

/** The user and session the cookie names, or null for no cookie, or one that is expired, forged or malformed. */
export async function readSessionCookie(headers: Headers, cookies: { name: string; value: string }[], secret: string): Promise<SessionClaims | null> {
  const name = sessionCookieName(headers);
  const token = cookieValue(cookies, name);
  if (!token) return null;
  const claims = await decode({ token, secret, salt: name }).catch(() => null);
  const userId = claims?.sub;
  const sessionId = claims?.sid;
  if (typeof userId !== "string" || typeof sessionId !== "string" || !UUID.test(userId) || !UUID.test(sessionId)) return null;
  return { userId, sessionId };
}
