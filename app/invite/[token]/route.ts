import { INVITE_COOKIE, INVITE_COOKIE_MAX_AGE, INVITE_PAGE } from "@/lib/auth/invite-cookie";
import { handOffToken } from "@/lib/auth/token-handoff";

/**
 * GET /invite/:token, the link an owner shares: keeps the token in a cookie and moves on to
 * /invite (see handOffToken). The invite page then works with the default referrer policy, so its
 * forms post before hydration; the cookie is for every path, as sign-up and sign-in read it too.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return handOffToken(request, token, { cookie: INVITE_COOKIE, page: INVITE_PAGE, maxAgeSeconds: INVITE_COOKIE_MAX_AGE });
}
