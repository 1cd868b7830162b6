import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "../../db";
import { clearFailures, readThrottle, recordFailure } from "../../db/queries/sign-in-throttle";
import { findOrCreateOAuthUser, findUserByEmail } from "../../db/queries/users";
import { throttleVerdict } from "../domain/sign-in-throttle";
import { signInSchema } from "../validation/auth";
import { baseAuthConfig } from "./config";
import { verifyPassword } from "./password";

export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}
export class TooManyAttempts extends CredentialsSignin {
  override code = "too_many_attempts";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every path does the same work (one throttle read, one argon2 verify) so the time taken does not
 * tell whether the email has an account.
 */
async function authorizeCredentials(raw: unknown) {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidCredentials();
  const { email, password } = parsed.data;
  const db = await getDb();
  const now = new Date();
  const verdict = throttleVerdict(await readThrottle(db, email), now);
  if (verdict.kind === "refused") throw new TooManyAttempts();
  if (verdict.delayMs > 0) await sleep(verdict.delayMs);
  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid) {
    const record = await recordFailure(db, email, now);
    throw record.lockedUntil ? new TooManyAttempts() : new InvalidCredentials();
  }
  await clearFailures(db, email);
  return { id: user.id, name: user.name, email: user.email };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const base = baseAuthConfig();
  return {
    ...base,
    logger: {
      // A wrong password is an expected outcome, shown to the person; it is not a server error.
      error(error) {
        if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
        console.error("[auth]", error);
      },
    },
    providers: [
      Credentials({ credentials: { email: {}, password: {} }, authorize: authorizeCredentials }),
      ...(base.providers ?? []),
    ],
    callbacks: {
      ...base.callbacks,
      signIn({ account, profile }) {
        // GitHub accounts are matched to people by email, so one without a usable email cannot sign in.
        if (account?.provider === "github") return typeof profile?.email === "string" && profile.email.length > 0;
        return true;
      },
      async jwt({ token, account, profile }) {
        if (account?.provider === "github" && typeof profile?.email === "string") {
          const name = typeof profile.name === "string" ? profile.name : profile.email;
          token.sub = await findOrCreateOAuthUser(await getDb(), { email: profile.email, name });
        }
        return token;
      },
    },
  };
});
