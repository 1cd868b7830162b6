import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env";
import { isWellFormedToken } from "./tokens";

// Secrets the app must read back are kept sealed with AES-256-GCM: invite tokens, so owners and
// admins can copy a link again, webhook secrets, which the worker signs with, and a password
// reset's token until its email job sends the link. Each kind's key is derived from AUTH_SECRET
// with HKDF under a label of its own, so none is the key that seals sessions. The row's id is the associated data: a sealed value copied onto another row does not
// open there. Invite links are still found by the token's hash, never by decrypting.

const INVITE_KEY_INFO = "verdict invite-token sealing key v1";
const WEBHOOK_KEY_INFO = "verdict webhook-secret sealing key v1";
const RESET_KEY_INFO = "verdict password-reset-token sealing key v1";
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

function sealingKey(secret: string, info: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "", info, 32));
}

export function inviteTokenKey(secret: string): Buffer {
  return sealingKey(secret, INVITE_KEY_INFO);
}

/** `v1.<iv>.<tag>.<ciphertext>`, each base64url. */
function seal(info: string, plaintext: string, rowId: string, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(secret, info), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(rowId, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, ...[iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url"))].join(".");
}

/** The plaintext, or null when the seal does not open: altered, moved to another row, or sealed under another secret. */
function open(info: string, sealed: string, rowId: string, secret: string): string | null {
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [iv, tag, body] = parts.slice(1).map((part) => Buffer.from(part, "base64url"));
  if (iv!.length !== IV_BYTES || tag!.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(secret, info), iv!, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(rowId, "utf8"));
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(body!), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

export function sealInviteToken(token: string, inviteId: string, secret: string = env().AUTH_SECRET): string {
  return seal(INVITE_KEY_INFO, token, inviteId, secret);
}

export function openInviteToken(sealed: string, inviteId: string, secret: string = env().AUTH_SECRET): string | null {
  const token = open(INVITE_KEY_INFO, sealed, inviteId, secret);
  return token !== null && isWellFormedToken(token) ? token : null;
}

export function sealWebhookSecret(webhookSecret: string, webhookId: string, secret: string = env().AUTH_SECRET): string {
  return seal(WEBHOOK_KEY_INFO, webhookSecret, webhookId, secret);
}

/** Null when AUTH_SECRET has changed since the webhook was made: it needs a new secret. */
export function openWebhookSecret(sealed: string, webhookId: string, secret: string = env().AUTH_SECRET): string | null {
  return open(WEBHOOK_KEY_INFO, sealed, webhookId, secret);
}

/** A password reset's token for its email job; the user's id is the associated data. */
export function sealResetToken(token: string, userId: string, secret: string = env().AUTH_SECRET): string {
  return seal(RESET_KEY_INFO, token, userId, secret);
}

export function openResetToken(sealed: string, userId: string, secret: string = env().AUTH_SECRET): string | null {
  const token = open(RESET_KEY_INFO, sealed, userId, secret);
  return token !== null && isWellFormedToken(token) ? token : null;
}
