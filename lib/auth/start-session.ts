import "server-only";
import type { Db } from "../../db/client";
import { createSession } from "../../db/queries/sessions";
import { findOrCreateOAuthUser } from "../../db/queries/users";

export type SignInEvent = {
  /** The user Auth.js got from the provider: our own id for the credentials provider. */
  userId?: string;
  provider: string;
  profile?: { email?: unknown; name?: unknown };
};

/**
 * Every sign-in, whatever the provider, gets its own row in `sessions`: that row is what sign-out
 * ends. GitHub people are matched to an account by their email, created on first sign-in.
 */
export async function startSession(db: Db, event: SignInEvent, userAgent: string): Promise<{ sub: string; sid: string }> {
  let userId = event.userId;
  if (event.provider === "github") {
    // Auth.js's user id here is GitHub's own; ours comes from the email.
    const email = event.profile?.email;
    if (typeof email !== "string" || !email) throw new Error("A GitHub sign-in without an email");
    const name = typeof event.profile?.name === "string" ? event.profile.name : email;
    userId = await findOrCreateOAuthUser(db, { email, name });
  }
  if (!userId) throw new Error(`A ${event.provider} sign-in without a user`);
  return { sub: userId, sid: await createSession(db, userId, userAgent) };
}
