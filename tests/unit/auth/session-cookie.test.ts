import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, test, vi } from "vitest";
import { readSessionCookie, sessionCookieName } from "../../../lib/auth/session-cookie";

// The cookie is written by Auth.js at sign-in and read by our own code on every request: what one
// writes, the other must read, and nothing else may pass.

const SECRET = "unit-test-secret-0123456789abcdef0123456789";
const userId = "0b0e4f6a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
const sessionId = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
const plain = new Headers({ "x-forwarded-proto": "http" });
const secure = new Headers({ "x-forwarded-proto": "https" });

async function cookieFor(headers: Headers, claims: Record<string, unknown>, secret = SECRET, maxAge = 3600) {
  const name = sessionCookieName(headers);
  return { name, value: await encode({ token: claims, secret, salt: name, maxAge }) };
}

describe("readSessionCookie", () => {
  test.each([
    ["http", plain],
    ["https", secure],
  ])("reads what Auth.js's own encode wrote, over %s, again and again with the same derived key", async (_label, headers) => {
    const cookie = await cookieFor(headers, { sub: userId, sid: sessionId });
    for (let i = 0; i < 3; i++) expect(await readSessionCookie(headers, [cookie], SECRET)).toEqual({ userId, sessionId });
  });

  test("joins a cookie Auth.js split into numbered chunks", async () => {
    const { name, value } = await cookieFor(plain, { sub: userId, sid: sessionId });
    const chunks = [value.slice(0, 100), value.slice(100, 250), value.slice(250)].map((part, i) => ({ name: `${name}.${i}`, value: part }));
    expect(await readSessionCookie(plain, chunks.reverse(), SECRET)).toEqual({ userId, sessionId });
  });

  test("refuses a cookie encrypted with another secret, for the other cookie name, expired, tampered or not a token", async () => {
    const other = await cookieFor(plain, { sub: userId, sid: sessionId }, "another-secret-0123456789abcdef0123456789");
    expect(await readSessionCookie(plain, [other], SECRET)).toBeNull();
    const forHttps = await cookieFor(secure, { sub: userId, sid: sessionId });
    expect(await readSessionCookie(plain, [{ name: sessionCookieName(plain), value: forHttps.value }], SECRET)).toBeNull();
    const expired = await cookieFor(plain, { sub: userId, sid: sessionId }, SECRET, -60);
    expect(await readSessionCookie(plain, [expired], SECRET)).toBeNull();
    const good = await cookieFor(plain, { sub: userId, sid: sessionId });
    const parts = good.value.split(".");
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith("AA") ? "BB" : "AA");
    expect(await readSessionCookie(plain, [{ name: good.name, value: parts.join(".") }], SECRET)).toBeNull();
    for (const value of ["", "x", "a.b.c.d.e", "__proto__", "e30.e30.e30.e30.e30"]) {
      expect(await readSessionCookie(plain, [{ name: good.name, value }], SECRET)).toBeNull();
    }
  });

  test("refuses claims that are not a user and a session id", async () => {
    for (const claims of [{ sub: userId }, { sid: sessionId }, { sub: "admin", sid: sessionId }, { sub: userId, sid: 42 }, { sub: [userId], sid: sessionId }]) {
      const cookie = await cookieFor(plain, claims);
      expect(await readSessionCookie(plain, [cookie], SECRET), JSON.stringify(claims)).toBeNull();
    }
  });

  describe("a token read before", () => {
    afterEach(() => vi.useRealTimers());

    test("stops counting once it expires, though its claims were kept", async () => {
      const cookie = await cookieFor(plain, { sub: userId, sid: sessionId }, SECRET, 60);
      expect(await readSessionCookie(plain, [cookie], SECRET)).toEqual({ userId, sessionId });
      vi.useFakeTimers({ now: Date.now() + 60_000 + 16_000 });
      expect(await readSessionCookie(plain, [cookie], SECRET)).toBeNull();
    });

    test("is read for the secret it was made with only", async () => {
      const cookie = await cookieFor(plain, { sub: userId, sid: sessionId });
      expect(await readSessionCookie(plain, [cookie], SECRET)).toEqual({ userId, sessionId });
      expect(await readSessionCookie(plain, [cookie], "another-secret-0123456789abcdef0123456789")).toBeNull();
      expect(await readSessionCookie(secure, [{ name: sessionCookieName(secure), value: cookie.value }], SECRET)).toBeNull();
    });
  });
});
