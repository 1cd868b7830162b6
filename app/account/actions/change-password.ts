"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { retireResets } from "@/db/queries/password-resets";
import { revokeOtherSessions } from "@/db/queries/sessions";
import { claimSignInAttempt, releaseSignInAttempt } from "@/db/queries/sign-in-limits";
import { findPasswordHash } from "@/db/queries/users";
import { setPassword } from "@/lib/services/accounts";
import { formAction } from "@/lib/entry/actions";
import { clientAddress } from "@/lib/auth/client-address";
import { verifyPassword } from "@/lib/auth/password";
import { limitKeys, lockMessage } from "@/lib/domain/sign-in-throttle";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { changePasswordSchema } from "@/lib/validation/account";
import type { FormState } from "@/lib/validation/form-data";

const changePassword = formAction(changePasswordSchema, async ({ db, user, input }) => {
  const storedHash = await findPasswordHash(db, user.id);
  if (!storedHash) throw new AppError("Your account signs in through GitHub and has no password to change.");
  // The current password is a guess like any sign-in, so someone holding a stolen cookie gets no more tries than at the door.
  const keys = limitKeys(user.email, clientAddress(await headers(), env().TRUST_PROXY));
  const decision = await claimSignInAttempt(db, keys);
  if (decision.kind === "refused") throw new AppError(lockMessage(decision.scope, decision.retryAt, new Date()));
  if (!(await verifyPassword(storedHash, input.currentPassword))) {
    throw new AppError("Your password was not changed.", { currentPassword: "That is not your current password" });
  }
  await releaseSignInAttempt(db, keys);
  await db.transaction(async (tx) => {
    const now = new Date();
    await setPassword(tx, user.id, input.newPassword, now);
    await revokeOtherSessions(tx, user.id, user.sessionId);
    // A link to choose a new password, asked for before, would undo this one.
    await retireResets(tx, user.id, now);
  });
  revalidatePath("/account");
  return "Your password is changed, and every other session is signed out.";
});

export async function changePasswordAction(previous: FormState, formData: FormData): Promise<FormState> {
  const state = await changePassword(previous, formData);
  // Passwords are never sent back to the browser, even to refill the form.
  return { ...state, values: undefined };
}
