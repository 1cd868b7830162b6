import { NextResponse } from "next/server";
import { INVITE_COOKIE, INVITE_COOKIE_MAX_AGE, INVITE_PAGE } from "@/lib/auth/invite-cookie";
import { isWellFormedToken } from "@/lib/auth/tokens";

/**
 * GET /invite/:token, the link an owner shares: keeps the token in a cookie and moves on to
 * /invite, so the token is in no page's URL, and no referrer or history entry of a page carries it.
 * The invite page then works with the default referrer policy, so its forms post before hydration.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // A relative Location: behind a proxy or on another host name, request.url may not be the address
  // the browser used, and the cookie must reach the page on the same host it was set for.
  const response = new NextResponse(null, { status: 303, headers: { Location: INVITE_PAGE } });
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("Cache-Control", "private, no-store");
  // A mangled token is kept as one that matches nothing, so the invite page says the link is not valid.
  response.cookies.set(INVITE_COOKIE, isWellFormedToken(token) ? token : "not-a-token", {
    httpOnly: true,
    sameSite: "lax",
    secure: request.headers.get("x-forwarded-proto") === "https" || new URL(request.url).protocol === "https:",
    path: "/",
    maxAge: INVITE_COOKIE_MAX_AGE,
  });
  return response;
}
