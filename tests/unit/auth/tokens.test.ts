import { describe, expect, test } from "vitest";
import { generateToken, hashToken, isWellFormedToken } from "@/lib/auth/tokens";

describe("generateToken", () => {
  test("is 43 characters of unpadded base64url (32 random bytes)", () => {
    const token = generateToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  test("does not repeat across 1000 calls", () => {
    const tokens = Array.from({ length: 1000 }, generateToken);
    expect(new Set(tokens).size).toBe(1000);
    expect(tokens.every(isWellFormedToken)).toBe(true);
  });
});

describe("hashToken", () => {
  // FIPS 180-2 test vectors.
  test.each([
    { input: "", hex: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    { input: "abc", hex: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    {
      input: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      hex: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    },
  ])("sha256($input) in lowercase hex", ({ input, hex }) => {
    expect(hashToken(input)).toBe(hex);
  });

  test("is deterministic and differs from the token itself", () => {
    const token = generateToken();
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("isWellFormedToken", () => {
  const valid = "A".repeat(21) + "z_-09" + "b".repeat(17);

  test.each([
    { name: "a 43-character base64url token", token: valid, expected: true },
    { name: "all dashes and underscores", token: "-_".repeat(21) + "-", expected: true },
    { name: "an empty string", token: "", expected: false },
    { name: "42 characters", token: valid.slice(1), expected: false },
    { name: "44 characters", token: valid + "A", expected: false },
    { name: "base64 padding", token: valid.slice(1) + "=", expected: false },
    { name: "standard base64 '+'", token: valid.slice(1) + "+", expected: false },
    { name: "standard base64 '/'", token: valid.slice(1) + "/", expected: false },
    { name: "a trailing newline", token: valid + "\n", expected: false },
    { name: "a space inside", token: valid.slice(1, 22) + " " + valid.slice(22), expected: false },
    { name: "a non-ASCII letter", token: valid.slice(1) + "é", expected: false },
  ])("$name → $expected", ({ token, expected }) => {
    expect(isWellFormedToken(token)).toBe(expected);
  });
});
