/**
 * The scheme and host a page was asked for, to write absolute links (behind a proxy, as its
 * X-Forwarded-Host and X-Forwarded-Proto say); null when the request names no usable host.
 */
export function requestOrigin(headers: Headers): string | null {
  const host = requestHost(headers);
  const proto = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  if (!host || !URL.canParse(`${proto}://${host}`)) return null;
  return new URL(`${proto}://${host}`).origin;
}

/** The host a request was sent to: the first a proxy names in X-Forwarded-Host, else Host. */
export function requestHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]!.trim() || headers.get("host");
}
