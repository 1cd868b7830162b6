// An invite link's token travels from the link to the sign-up, sign-in and join steps in a cookie,
// never in a URL the browser could send on as a referrer (see app/invite/[token]/route.ts).
export const INVITE_COOKIE = "verdict-invite";
export const INVITE_PAGE = "/invite";
/** Long enough to create an account and come back; the invite's own expiry still applies. */
export const INVITE_COOKIE_MAX_AGE = 24 * 60 * 60;
