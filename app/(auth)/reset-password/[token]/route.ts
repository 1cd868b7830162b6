import { NextResponse } from "next/server";
import { RESET_COOKIE, RESET_PAGE } from "@/lib/auth/reset-cookie";
import { isWellFormedToken } from "@/lib/auth/tokens";
import { RESET_LINK_MINUTES } from "@/lib/domain/password-reset";

/**
 * GET /reset-password/:token, the emailed link: keeps the token in a cookie for the reset page
 * alone and moves on to it, so the token is in no page's URL, history entry or referrer.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const response = new NextResponse(null, { status: 303, headers: { Location: RESET_PAGE } });
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("Cache-Control", "private, no-store");
  // A mangled token is kept as one that matches nothing, so the page says the link does not work.
  response.cookies.set(RESET_COOKIE, isWellFormedToken(token) ? token : "not-a-token", {
    httpOnly: true,
    sameSite: "lax",
    secure: request.headers.get("x-forwarded-proto") === "https" || new URL(request.url).protocol === "https:",
    path: RESET_PAGE,
    maxAge: RESET_LINK_MINUTES * 60,
  });
  return response;
}
