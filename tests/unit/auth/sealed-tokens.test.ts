import { createDecipheriv, hkdfSync } from "node:crypto";
import { describe, expect, test } from "vitest";
import { inviteTokenKey, openInviteToken, openResetToken, sealInviteToken, sealResetToken } from "@/lib/auth/sealed-tokens";
import { generateToken } from "@/lib/auth/tokens";

const SECRET = "unit-test-secret-0123456789abcdef0123456789";
const INVITE = "6f1c1a52-9d1e-4a57-8a43-1f0b8c2d7e90";
const OTHER_INVITE = "0b6f2f0e-3c57-4c1e-9a7a-5d3e2b1c0a99";

describe("sealInviteToken / openInviteToken", () => {
  test("a sealed token opens to itself for the same invite and secret", () => {
    const token = generateToken();
    const sealed = sealInviteToken(token, INVITE, SECRET);
    expect(sealed).not.toContain(token);
    expect(openInviteToken(sealed, INVITE, SECRET)).toBe(token);
  });

  test("is AES-256-GCM with a fresh 12-byte IV and a 16-byte tag, version-prefixed", () => {
    const token = generateToken();
    const sealed = sealInviteToken(token, INVITE, SECRET);
    const [version, iv, tag, body] = sealed.split(".");
    expect(version).toBe("v1");
    expect(Buffer.from(iv!, "base64url")).toHaveLength(12);
    expect(Buffer.from(tag!, "base64url")).toHaveLength(16);
    // Opened by hand with the documented parameters: the invite id is the associated data.
    const decipher = createDecipheriv("aes-256-gcm", inviteTokenKey(SECRET), Buffer.from(iv!, "base64url"));
    decipher.setAAD(Buffer.from(INVITE, "utf8"));
    decipher.setAuthTag(Buffer.from(tag!, "base64url"));
    expect(Buffer.concat([decipher.update(Buffer.from(body!, "base64url")), decipher.final()]).toString("utf8")).toBe(token);
    // The same token sealed twice looks different: the IV is random.
    expect(sealInviteToken(token, INVITE, SECRET)).not.toBe(sealed);
  });

  test("the key is HKDF of the secret under its own label, not the secret or another label's key", () => {
    const key = inviteTokenKey(SECRET);
    expect(key).toHaveLength(32);
    expect(key.equals(Buffer.from(hkdfSync("sha256", SECRET, "", "verdict invite-token sealing key v1", 32)))).toBe(true);
    expect(key.equals(Buffer.from(hkdfSync("sha256", SECRET, "", "Auth.js Generated Encryption Key", 32)))).toBe(false);
    expect(key.equals(inviteTokenKey(`${SECRET}x`))).toBe(false);
  });

  test("does not open for another invite, another secret, or any tampering", () => {
    const token = generateToken();
    const sealed = sealInviteToken(token, INVITE, SECRET);
    expect(openInviteToken(sealed, OTHER_INVITE, SECRET)).toBeNull();
    expect(openInviteToken(sealed, INVITE, `${SECRET}-rotated`)).toBeNull();
    const parts = sealed.split(".");
    for (let i = 1; i < 4; i++) {
      const bytes = Buffer.from(parts[i]!, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      const tampered = parts.map((p, j) => (j === i ? bytes.toString("base64url") : p)).join(".");
      expect(openInviteToken(tampered, INVITE, SECRET)).toBeNull();
    }
  });

  test.each(["", "v1", "v1...", "v2.a.b.c", "v1.AAAA.AAAA.AAAA", `${"v1.x".repeat(3)}`, "v1.a.b.c.d"])("malformed %j opens to null", (value) => {
    expect(openInviteToken(value, INVITE, SECRET)).toBeNull();
  });
});

describe("sealResetToken / openResetToken", () => {
  test("opens for the account it was sealed for, under its own key: not as an invite token, not for another account", () => {
    const token = generateToken();
    const sealed = sealResetToken(token, INVITE, SECRET);
    expect(sealed).not.toContain(token);
    expect(openResetToken(sealed, INVITE, SECRET)).toBe(token);
    expect(openResetToken(sealed, OTHER_INVITE, SECRET)).toBeNull();
    expect(openInviteToken(sealed, INVITE, SECRET)).toBeNull();
    expect(openResetToken(sealInviteToken(token, INVITE, SECRET), INVITE, SECRET)).toBeNull();
  });
});
