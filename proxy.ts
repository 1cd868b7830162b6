import { type NextRequest, NextResponse } from "next/server";
import { githubEnabled, needsSignIn } from "./lib/auth/config";
import { readSessionCookie } from "./lib/auth/session-cookie";
import { env } from "./lib/env";
import { refuseOversizedAction } from "./lib/http/body-limit";
import { newNonce, securityHeaders, servedOverHttps } from "./lib/http/security-headers";

// Answers a form post over the action body limit with a clear 413, sets the security headers on
// every other response, and redirects visitors without a valid session cookie away from the pages
// that need an account (needsSignIn). Every page and action still checks access itself, against
// the sessions table. The cookie is read, not renewed: it lives as long as a session can.
export default async function proxy(request: NextRequest) {
  const oversized = refuseOversizedAction(request);
  if (oversized) return oversized;
  const headers = securityHeaders({
    nonce: newNonce(),
    dev: process.env.NODE_ENV === "development",
    https: servedOverHttps(request.nextUrl, request.headers.get("x-forwarded-proto")),
    formTargets: githubEnabled() ? ["https://github.com"] : [],
  });
  let response: NextResponse;
  if (needsSignIn(request.nextUrl.pathname) && !(await readSessionCookie(request.headers, request.cookies.getAll(), env().AUTH_SECRET))) {
    // On the configured public origin when AUTH_URL is set, as Auth.js's own redirect was.
    const configured = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
    const here = configured ? new URL(request.nextUrl.pathname + request.nextUrl.search, new URL(configured).origin) : request.nextUrl;
    const signIn = new URL("/sign-in", here);
    signIn.searchParams.set("callbackUrl", here.href);
    response = NextResponse.redirect(signIn);
  } else {
    // Next reads the nonce for its own scripts from the policy on the request.
    const forwarded = new Headers(request.headers);
    forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Every page and route, but not the build's hashed static files, nor the routes under /api/teams
// (the sheets' JSON saves and the live streams): they check the session and bound the body
// themselves and set NON_PAGE_HEADERS, and a team saving at once should not pay for the proxy twice.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/teams/).*)"] };
