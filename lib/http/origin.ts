/**
 * The scheme and host a page was asked for, to write absolute links (behind a proxy, as its
 * X-Forwarded-Host and X-Forwarded-Proto say); null when the request names no usable host.
 */
export function requestOrigin(headers: Headers): string | null {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  const proto = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  if (!host || !URL.canParse(`${proto}://${host}`)) return null;
  return new URL(`${proto}://${host}`).origin;
}
