import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env";
import { isWellFormedToken } from "./tokens";

// Invite tokens are kept so that owners and admins can copy a link again, sealed with AES-256-GCM.
// The key is derived from AUTH_SECRET with HKDF under a label of its own, so it is not the key that
// seals sessions. The invite's id is the associated data: a sealed token copied onto another invite
// row does not open there. Links are still found by the token's hash, never by decrypting.

const KEY_INFO = "verdict invite-token sealing key v1";
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function inviteTokenKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "", KEY_INFO, 32));
}

/** `v1.<iv>.<tag>.<ciphertext>`, each base64url. */
export function sealInviteToken(token: string, inviteId: string, secret: string = env().AUTH_SECRET): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", inviteTokenKey(secret), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(inviteId, "utf8"));
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return [VERSION, ...[iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url"))].join(".");
}

/** The token, or null when the seal does not open: altered, moved to another invite, or sealed under another secret. */
export function openInviteToken(sealed: string, inviteId: string, secret: string = env().AUTH_SECRET): string | null {
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [iv, tag, body] = parts.slice(1).map((part) => Buffer.from(part, "base64url"));
  if (iv!.length !== IV_BYTES || tag!.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", inviteTokenKey(secret), iv!, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(inviteId, "utf8"));
    decipher.setAuthTag(tag!);
    const token = Buffer.concat([decipher.update(body!), decipher.final()]).toString("utf8");
    return isWellFormedToken(token) ? token : null;
  } catch {
    return null;
  }
}
