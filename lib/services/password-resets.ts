import "server-only";
import type { Db } from "../../db/client";
import { enqueueJobs } from "../../db/queries/jobs";
import { createPasswordReset, findUsableReset, resetsSentSince, retireResets, useReset } from "../../db/queries/password-resets";
import { revokeAllSessions } from "../../db/queries/sessions";
import { findUserByEmail } from "../../db/queries/users";
import { sealResetToken } from "../auth/sealed-tokens";
import { generateToken, hashToken, isWellFormedToken } from "../auth/tokens";
import { mayAskForAnotherLink, RESET_LINK_UNUSABLE, resetLinkExpiry, resetWindowStart } from "../domain/password-reset";
import { AppError } from "../errors";
import { setPassword } from "./accounts";

// Choosing a new password without the old one. Asking says the same whether or not an account
// uses the address; the link goes out by the worker's email job, its token sealed in the job until
// then. Using a link sets the password, retires the account's other links and signs every session out.

export const PASSWORD_RESET_JOB = "password-reset.email";

/**
 * Sends a link to the account that uses `email`, if one does, unless that account, or the client
 * address asking (`requestedFrom`), has been sent too many lately.
 */
export async function requestPasswordReset(db: Db, email: string, requestedFrom: string, now = new Date()): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user) return;
  const sent = await resetsSentSince(db, user.id, requestedFrom, resetWindowStart(now));
  if (!mayAskForAnotherLink(sent.toAccount, sent.forAddress)) return;
  const token = generateToken();
  await db.transaction(async (tx) => {
    await createPasswordReset(tx, { tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt: resetLinkExpiry(now), requestedFrom });
    await enqueueJobs(tx, [{ kind: PASSWORD_RESET_JOB, payload: { userId: user.id, sealedToken: sealResetToken(token, user.id) } }]);
  });
}

/** Whom a link is for while it still works, or null. */
export async function usableReset(db: Db, token: string, now = new Date()) {
  if (!isWellFormedToken(token)) return null;
  return findUsableReset(db, hashToken(token), now);
}

/** Sets the account's password from a link that still works, or refuses with RESET_LINK_UNUSABLE. */
export async function resetPassword(db: Db, token: string, password: string, now = new Date()): Promise<void> {
  if (!isWellFormedToken(token)) throw new AppError(RESET_LINK_UNUSABLE);
  await db.transaction(async (tx) => {
    const userId = await useReset(tx, hashToken(token), now);
    if (!userId) throw new AppError(RESET_LINK_UNUSABLE);
    await setPassword(tx, userId, password, now);
    await retireResets(tx, userId, now);
    // Whoever knew the old password is signed out with it.
    await revokeAllSessions(tx, userId);
  });
}
