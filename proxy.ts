import NextAuth from "next-auth";
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { baseAuthConfig, githubEnabled } from "./lib/auth/config";
import { refuseOversizedAction } from "./lib/http/body-limit";
import { newNonce, securityHeaders, servedOverHttps } from "./lib/http/security-headers";

// Answers a form post over the action body limit with a clear 413, sets the security headers on
// every other response, and redirects signed-out people away from the
// pages that need an account (the `authorized` rule in the auth config). Every page and action
// still checks access itself.
const { auth } = NextAuth(() => baseAuthConfig());

const withSession = auth(async (request) => {
  const headers = securityHeaders({
    nonce: newNonce(),
    dev: process.env.NODE_ENV === "development",
    https: servedOverHttps(request.nextUrl, request.headers.get("x-forwarded-proto")),
    formTargets: githubEnabled() ? ["https://github.com"] : [],
  });
  const allowed = await baseAuthConfig().callbacks?.authorized?.({ auth: request.auth, request });
  let response: NextResponse;
  if (allowed === false) {
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.searchParams.set("callbackUrl", request.nextUrl.href);
    response = NextResponse.redirect(signIn);
  } else {
    // Next reads the nonce for its own scripts from the policy on the request.
    const forwarded = new Headers(request.headers);
    forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
});

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const oversized = refuseOversizedAction(request);
  if (oversized) return oversized;
  // With a config built per request, Auth.js hands back the wrapped handler inside a promise.
  const handler = await (withSession as unknown as Promise<(request: NextRequest, event: NextFetchEvent) => Promise<Response>>);
  return handler(request, event);
}

// Every page and route, but not the build's hashed static files.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
