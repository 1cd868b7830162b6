import type { NextAuthConfig } from "next-auth";
import GitHub from "next-auth/providers/github";
import { SESSION_LIFETIME } from "../domain/session-lifetime";
import { env } from "../env";

declare module "next-auth" {
  interface Session {
    /** The row in `sessions` this cookie belongs to; pages check it in the database on every request. */
    sessionId?: string;
  }
}

/** Paths that need a signed-in person; everything else is public or checks for itself. */
const PROTECTED_PREFIXES = ["/teams"];

/** Whether the front door (lib/http/front-door.ts) sends a visitor without a session to sign in first. */
export function needsSignIn(pathname: string): boolean {
  return PROTECTED_PREFIXES.some((p) => pathname.startsWith(p));
}

export function githubEnabled(): boolean {
  const { AUTH_GITHUB_ID, AUTH_GITHUB_SECRET } = env();
  return Boolean(AUTH_GITHUB_ID && AUTH_GITHUB_SECRET);
}

/**
 * The part of the Auth.js setup that needs no database, used by the full setup in ./index.ts.
 */
export function baseAuthConfig(): NextAuthConfig {
  const { AUTH_SECRET, AUTH_GITHUB_ID, AUTH_GITHUB_SECRET } = env();
  return {
    secret: AUTH_SECRET,
    // The cookie may live as long as a session can; the sessions table decides whether it still counts.
    session: { strategy: "jwt", maxAge: SESSION_LIFETIME.absoluteMs / 1000 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: githubEnabled() ? [GitHub({ clientId: AUTH_GITHUB_ID, clientSecret: AUTH_GITHUB_SECRET })] : [],
    callbacks: {
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        if (typeof token.sid === "string") session.sessionId = token.sid;
        return session;
      },
    },
  };
}
