import { createHmac, timingSafeEqual } from "node:crypto";

// How a webhook request is signed: HMAC-SHA256, keyed by the webhook's secret, over the timestamp
// (Unix seconds, as sent in X-Verdict-Timestamp), a full stop, and the exact body bytes. The
// timestamp is inside the signature so a captured request cannot be replayed later with a fresh
// one; receivers refuse timestamps far from their own clock (see verifyWebhookSignature).

export const TIMESTAMP_HEADER = "X-Verdict-Timestamp";
export const SIGNATURE_HEADER = "X-Verdict-Signature";
/** The scheme's version, so a later scheme can be sent beside this one while receivers move over. */
const SCHEME = "v1";
/** How far a receiver lets a timestamp be from its clock before it refuses the request as a replay. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/** `v1=<hex>` for the body sent at `timestamp` (Unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
  return `${SCHEME}=${mac}`;
}

/**
 * Whether a received request is genuine and fresh: one of the signatures in the header (comma
 * separated) matches, compared in constant time, and the timestamp is within the tolerance of `now`.
 */
export function verifyWebhookSignature(input: {
  secret: string;
  timestamp: string | null;
  signature: string | null;
  body: string;
  now?: Date;
  toleranceSeconds?: number;
}): boolean {
  const { secret, timestamp, signature, body, now = new Date(), toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS } = input;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  const seconds = Number(timestamp);
  if (Math.abs(now.getTime() / 1000 - seconds) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, seconds, body), "utf8");
  return signature.split(",").some((candidate) => {
    const given = Buffer.from(candidate.trim(), "utf8");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
