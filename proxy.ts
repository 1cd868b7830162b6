import NextAuth from "next-auth";
import { baseAuthConfig } from "./lib/auth/config";

// Only redirects signed-out people to the sign-in page; every page and action still checks access itself.
const { auth } = NextAuth(() => baseAuthConfig());
export default auth;

export const config = { matcher: ["/teams/:path*", "/teams"] };
