import { base64url, calculateJwkThumbprint, jwtDecrypt } from "jose";

// The session cookie as Auth.js writes it at sign-in: an encrypted JWT whose subject is the user
// and whose "sid" is the row in `sessions`. Read here the way Auth.js reads it, without running
// Auth.js's session endpoint (a CSRF token and a re-encrypted cookie) on every request, with jose
// as Auth.js uses it, but with the derived key kept (see keyFor). The cookie
// lives as long as a session can (SESSION_LIFETIME.absoluteMs), so it is not renewed per request:
// the sessions table decides whether it still counts.

export type SessionClaims = { userId: string; sessionId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The cookie's name as Auth.js picks it: "__Secure-" prefixed when the site is served over HTTPS
 * (AUTH_URL's protocol if set, else the forwarded protocol Next puts on every request).
 */
export function sessionCookieName(headers: Pick<Headers, "get">): string {
  const configured = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  const protocol = configured ? new URL(configured).protocol : (headers.get("x-forwarded-proto") ?? "https");
  return protocol.startsWith("https") ? "__Secure-authjs.session-token" : "authjs.session-token";
}

/** The cookie's value, joined from its numbered chunks when Auth.js had to split a long one. */
function cookieValue(cookies: { name: string; value: string }[], name: string): string {
  return cookies
    .filter((c) => c.value && (c.name === name || c.name.startsWith(`${name}.`)))
    .map((c) => ({ index: c.name === name ? 0 : Number.parseInt(c.name.slice(name.length + 1), 10) || 0, value: c.value }))
    .sort((a, b) => a.index - b.index)
    .map((c) => c.value)
    .join("");
}

/** The content encryptions Auth.js writes (its default first) and the key length each takes. */
const KEY_BYTES: Readonly<Record<string, number>> = { "A256CBC-HS512": 64, A256GCM: 32 };

type DerivedKey = { key: Uint8Array; thumbprint: string };

// The key Auth.js derives from the secret for a cookie (HKDF-SHA-256, salted with the cookie's
// name) and its JWK thumbprint, the token's "kid". Auth.js derives both again for every request;
// they depend only on the secret, the cookie's name and the encryption, so each is derived once.
// Few entries can exist: two encryptions, two cookie names, the configured secret.
const derivedKeys = new Map<string, Promise<DerivedKey>>();

async function deriveKey(enc: string, secret: string, salt: string): Promise<DerivedKey> {
  const encoder = new TextEncoder();
  const material = await crypto.subtle.importKey("raw", encoder.encode(secret), "HKDF", false, ["deriveBits"]);
  const info = encoder.encode(`Auth.js Generated Encryption Key (${salt})`);
  const bits = await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: encoder.encode(salt), info }, material, KEY_BYTES[enc]! * 8);
  const key = new Uint8Array(bits);
  const thumbprint = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, key.byteLength === 64 ? "sha512" : "sha256");
  return { key, thumbprint };
}

function keyFor(enc: string, secret: string, salt: string): Promise<DerivedKey> {
  if (!(enc in KEY_BYTES)) return Promise.reject(new Error("unsupported content encryption"));
  const id = `${enc}\u0000${salt}\u0000${secret}`;
  let found = derivedKeys.get(id);
  if (!found) {
    found = deriveKey(enc, secret, salt);
    derivedKeys.set(id, found);
  }
  return found;
}

const CLOCK_TOLERANCE_SECONDS = 15;

/** The claims, with when the token expires (seconds since the epoch). */
type RememberedClaims = SessionClaims & { expiresAt: number };

/** The claims of a token Auth.js encrypted with `secret` for the cookie `salt`; throws for any other. */
async function decryptClaims(token: string, secret: string, salt: string) {
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid, enc }) => {
      const { key, thumbprint } = await keyFor(enc, secret, salt);
      if (kid !== undefined && kid !== thumbprint) throw new Error("no key with that id");
      return key;
    },
    { clockTolerance: CLOCK_TOLERANCE_SECONDS, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: Object.keys(KEY_BYTES) },
  );
  return payload;
}

/** The claims a token carries, or null; see readSessionCookie. */
async function claimsOf(token: string, secret: string, name: string): Promise<RememberedClaims | null> {
  const claims = await decryptClaims(token, secret, name).catch(() => null);
  const userId = claims?.sub;
  const sessionId = claims?.sid;
  if (typeof userId !== "string" || typeof sessionId !== "string" || !UUID.test(userId) || !UUID.test(sessionId)) return null;
  if (typeof claims?.exp !== "number") return null;
  return { userId, sessionId, expiresAt: claims.exp };
}

// Every request (the front door, then the page or route) would decrypt the same cookie again. A token
// that decrypted once says the same thing until it expires, so its claims are kept, for a bounded
// number of tokens, oldest first out. Only tokens that decrypted are kept: anyone can send junk,
// only this server can make a token. The sessions table still decides on every request whether
// the session counts.
const MAX_REMEMBERED_TOKENS = 5_000;
const remembered = new Map<string, RememberedClaims>();

/** The user and session the cookie names, or null for no cookie, or one that is expired, forged or malformed. */
export async function readSessionCookie(
  headers: Pick<Headers, "get">,
  cookies: { name: string; value: string }[],
  secret: string,
): Promise<SessionClaims | null> {
  const name = sessionCookieName(headers);
  const token = cookieValue(cookies, name);
  if (!token) return null;
  const key = `${name}\u0000${secret}\u0000${token}`;
  let claims = remembered.get(key) ?? null;
  if (!claims) {
    claims = await claimsOf(token, secret, name);
    if (!claims) return null;
    if (remembered.size >= MAX_REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value!);
    remembered.set(key, claims);
  }
  if (Date.now() / 1000 > claims.expiresAt + CLOCK_TOLERANCE_SECONDS) {
    remembered.delete(key);
    return null;
  }
  return { userId: claims.userId, sessionId: claims.sessionId };
}
