/**
 * Signs members in the way a credentials sign-in ends (lib/auth/index.ts → startSession): a row in
 * `sessions`, and the Auth.js JWT cookie carrying the user id and that session's id. Signing 200
 * people in over HTTP would spend most of the run on argon2 and meet the sign-in throttle; the
 * cookie and the row are the same either way, and every page and action re-reads both.
 */
import { encode } from "next-auth/jwt";
import type { Db } from "../../db/client";
import { createSession } from "../../db/queries/sessions";
import type { Member } from "./seed";

/** The cookie Auth.js sets over plain HTTP (no `__Secure-` prefix). */
export const SESSION_COOKIE = "authjs.session-token";

export async function signIn(db: Db, secret: string, member: Member): Promise<string> {
  const sid = await createSession(db, member.id, "autocannon (load benchmark)");
  const token = await encode({ token: { sub: member.id, sid, name: member.name, email: member.email }, secret, salt: SESSION_COOKIE });
  return `${SESSION_COOKIE}=${token}`;
}

export async function signInAll(db: Db, secret: string, members: readonly Member[]): Promise<string[]> {
  const cookies: string[] = [];
  for (const member of members) cookies.push(await signIn(db, secret, member));
  return cookies;
}
