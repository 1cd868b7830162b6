/** Only same-site paths: an attacker's link must not bounce a fresh sign-in to their site. */
export function safeCallbackUrl(value: unknown, fallback = "/teams"): string {
  if (typeof value !== "string" || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
