import { describe, expect, test } from "vitest";
import { signWebhook, verifyWebhookSignature } from "@/lib/domain/webhook-signature";

// Worked by hand with OpenSSL, not with the code under test:
//   printf '%s' '1700000000.{"text":"hi"}' | openssl dgst -sha256 -hmac whsec_test
const VECTOR = { secret: "whsec_test", timestamp: 1_700_000_000, body: '{"text":"hi"}' };
const EXPECTED = "v1=add2fc7010ee7aa23f65449ce9240cd32763de7515ca26c43cd1e9d447a5361a";
const AT = new Date(1_700_000_000 * 1000 + 30_000);

describe("signWebhook", () => {
  test("is HMAC-SHA256 over `<timestamp>.<body>`, hex, marked v1", () => {
    expect(signWebhook(VECTOR.secret, VECTOR.timestamp, VECTOR.body)).toBe(EXPECTED);
  });
});

describe("verifyWebhookSignature", () => {
  const base = { secret: VECTOR.secret, timestamp: String(VECTOR.timestamp), signature: EXPECTED, body: VECTOR.body, now: AT };
  test("accepts the genuine request, also among other signatures", () => {
    expect(verifyWebhookSignature(base)).toBe(true);
    expect(verifyWebhookSignature({ ...base, signature: `v2=abc, ${EXPECTED}` })).toBe(true);
  });
  test.each([
    ["another body", { body: '{"text":"hi!"}' }],
    ["another secret", { secret: "whsec_other" }],
    ["another timestamp", { timestamp: String(VECTOR.timestamp + 1) }],
    ["no signature", { signature: null }],
    ["no timestamp", { timestamp: null }],
    ["a timestamp that is not a number", { timestamp: "1700000000.5" }],
    ["a truncated signature", { signature: EXPECTED.slice(0, -2) }],
  ])("refuses %s", (_name, change) => {
    expect(verifyWebhookSignature({ ...base, ...change })).toBe(false);
  });
  test("refuses a replay more than five minutes old, or from the future", () => {
    expect(verifyWebhookSignature({ ...base, now: new Date(1_700_000_000 * 1000 + 301_000) })).toBe(false);
    expect(verifyWebhookSignature({ ...base, now: new Date(1_700_000_000 * 1000 - 301_000) })).toBe(false);
    expect(verifyWebhookSignature({ ...base, now: new Date(1_700_000_000 * 1000 + 299_000) })).toBe(true);
  });
});
