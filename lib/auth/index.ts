import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "../../db";
import { findOrCreateOAuthUser } from "../../db/queries/users";
import { baseAuthConfig } from "./config";
import { authorizeCredentials } from "./credentials";

export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}
export class TooManyAttempts extends CredentialsSignin {
  override code = "too_many_attempts";
}

async function authorize(raw: unknown) {
  const outcome = await authorizeCredentials(await getDb(), raw, { clientAddress: "unknown" });
  if (outcome.kind === "locked") throw new TooManyAttempts();
  if (outcome.kind === "wrong") throw new InvalidCredentials();
  return outcome.user;
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
      Credentials({ credentials: { email: {}, password: {} }, authorize }),
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
