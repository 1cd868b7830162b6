import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { getDb } from "../../db";
import { revokeSession } from "../../db/queries/sessions";
import { env } from "../env";
import { clientAddress } from "./client-address";
import { baseAuthConfig } from "./config";
import { authorizeCredentials } from "./credentials";
import { startSession } from "./start-session";

export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}
export class TooManyAttempts extends CredentialsSignin {
  override code = "too_many_attempts";
}

async function authorize(raw: unknown, request: Request) {
  const outcome = await authorizeCredentials(await getDb(), raw, { clientAddress: clientAddress(request.headers, env().TRUST_PROXY) });
  if (outcome.kind === "locked") throw new TooManyAttempts();
  if (outcome.kind === "wrong") throw new InvalidCredentials();
  return outcome.user;
}

async function requestUserAgent(): Promise<string> {
  try {
    return (await headers()).get("user-agent") ?? "";
  } catch {
    return ""; // outside a request: the session simply has no browser name
  }
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
    providers: [Credentials({ credentials: { email: {}, password: {} }, authorize }), ...(base.providers ?? [])],
    callbacks: {
      ...base.callbacks,
      signIn({ account, profile }) {
        // GitHub accounts are matched to people by email, so one without a usable email cannot sign in.
        if (account?.provider === "github") return typeof profile?.email === "string" && profile.email.length > 0;
        return true;
      },
      async jwt({ token, user, account, profile }) {
        if (!account) return token; // only present at sign-in; later calls keep the token as it is
        const started = await startSession(await getDb(), { userId: user?.id, provider: account.provider, profile }, await requestUserAgent());
        return { ...token, ...started };
      },
    },
    events: {
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (typeof token?.sid === "string" && typeof token.sub === "string") await revokeSession(await getDb(), token.sub, token.sid);
      },
    },
  };
});
