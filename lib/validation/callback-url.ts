/**
 * Where to go after signing in: always a path on this site, so a crafted link cannot bounce a
 * fresh sign-in to someone else's. Absolute URLs (the front door sends those when AUTH_URL is set) keep only their path.
 */
export function safeCallbackUrl(value: unknown, fallback = "/teams"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  let path = value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    try {
      const url = new URL(value);
      path = url.pathname + url.search + url.hash;
    } catch {
      return fallback;
    }
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.com" would be followed as "//evil.com".
  if (/[\u0000-\u001f\u007f]/.test(path)) return fallback;
  return path;
}
