import NextAuth from "next-auth";
import type { NextFetchEvent, NextMiddleware, NextRequest } from "next/server";
import { baseAuthConfig } from "./lib/auth/config";
import { refuseOversizedAction } from "./lib/http/body-limit";

// Only redirects signed-out people to the sign-in page; every page and action still checks access itself.
const { auth } = NextAuth(() => baseAuthConfig());
// `auth` is itself a proxy function (the way `export default auth` uses it); its types list only the wrapper form.
const signInGate = auth as unknown as NextMiddleware;

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  return refuseOversizedAction(request) ?? signInGate(request, event);
}

// Every page (the auth config decides which need a signed-in person), so an oversized form post
// is answered on any of them; assets and /api are left alone.
export const config = { matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"] };
