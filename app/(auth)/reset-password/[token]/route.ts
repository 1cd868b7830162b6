import { RESET_COOKIE, RESET_PAGE } from "@/lib/auth/reset-cookie";
import { handOffToken } from "@/lib/auth/token-handoff";
import { RESET_LINK_MINUTES } from "@/lib/domain/password-reset";

/** GET /reset-password/:token, the emailed link: its token goes on to the reset page alone, in a cookie. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return handOffToken(request, token, { cookie: RESET_COOKIE, page: RESET_PAGE, cookiePath: RESET_PAGE, maxAgeSeconds: RESET_LINK_MINUTES * 60 });
}
