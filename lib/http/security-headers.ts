/**
 * Response headers that make the browser refuse what the app never does on purpose: run a
 * script it did not send this very response, be framed, guess a content type, leak full URLs
 * (invite links carry their token in the path) to other sites, or use device features.
 * Pure: the front door (front-door.ts) passes in the nonce and what it knows about the request.
 */

export type PolicyOptions = {
  /** Fresh per response; Next reads it back from the request's policy and puts it on its own scripts. */
  nonce: string;
  /** `next dev` evaluates code for its error overlay and hot reload; a production build never does. */
  dev: boolean;
  /** Served over https (directly or behind a proxy that says so). */
  https: boolean;
  /** Origins a form may be sent to besides this one, e.g. the OAuth provider a sign-in redirects to. */
  formTargets?: readonly string[];
};

const NONCE_PATTERN = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/** 128 random bits, base64: what CSP calls a nonce. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ nonce, dev, https, formTargets = [] }: PolicyOptions): string {
  // A nonce that could close the quote would let the caller inject sources: refuse it outright.
  if (!NONCE_PATTERN.test(nonce)) throw new Error("A CSP nonce must be at least 16 base64 characters");
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // strict-dynamic: Next's nonce-carrying bootstrap may load its own chunks; nothing else runs.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Stylesheets come from the build; React and the charts set style attributes (position, colour),
    // which cannot carry a nonce. Attribute styles cannot run code, so they are allowed alone.
    ["style-src", "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(dev ? ["ws:", "wss:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'", ...formTargets],
    ["frame-ancestors", "'none'"],
    ...(https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((parts) => parts.join(" ")).join("; ");
}

/** Every header the front door sets on a page or route response, keyed by name. */
export function securityHeaders(options: PolicyOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Browsers ignore HSTS over plain http, and on a local http server it would only confuse.
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** Whether the visitor reached us over https, trusting only the first hop's X-Forwarded-Proto. */
export function servedOverHttps(protocol: string, forwardedProto: string | null): boolean {
  if (protocol === "https:") return true;
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}

/**
 * The headers of a response that is never a page (JSON, an event stream, plain text), set by the
 * route itself: the front door lets the routes under /api/teams through untouched, since its work
 * per request (a nonce, a policy) only a page needs. Nothing in such a response
 * may run, be framed or be cached along the way.
 */
export const NON_PAGE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};
