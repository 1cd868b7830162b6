import { NextResponse } from "next/server";
import { isWellFormedToken } from "./tokens";

/**
 * A link that carries a token (an invite, a password reset) answers by keeping the token in a
 * cookie and moving on to `page`, so the token is in no page's URL, history entry or referrer. A
 * mangled token is kept as one that matches nothing, so the page says the link does not work.
 */
export function handOffToken(
  request: Request,
  token: string,
  handoff: { cookie: string; page: string; maxAgeSeconds: number; cookiePath?: string },
): NextResponse {
  // A relative Location: behind a proxy or on another host name, request.url may not be the address
  // the browser used, and the cookie must reach the page on the same host it was set for.
  const response = new NextResponse(null, { status: 303, headers: { Location: handoff.page } });
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("Cache-Control", "private, no-store");
  response.cookies.set(handoff.cookie, isWellFormedToken(token) ? token : "not-a-token", {
    httpOnly: true,
    sameSite: "lax",
    secure: request.headers.get("x-forwarded-proto") === "https" || new URL(request.url).protocol === "https:",
    path: handoff.cookiePath ?? "/",
    maxAge: handoff.maxAgeSeconds,
  });
  return response;
}
