// A password reset link's token travels from the emailed link to the form in a cookie, never in a
// page's URL (see app/(auth)/reset-password/[token]/route.ts), as an invite link's does.
export const RESET_COOKIE = "verdict-reset";
export const RESET_PAGE = "/reset-password";
