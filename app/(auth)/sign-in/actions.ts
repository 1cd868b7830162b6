"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { readSignInLimits } from "@/db/queries/sign-in-limits";
import { findUserByEmail } from "@/db/queries/users";
import { signIn } from "@/lib/auth";
import { clientAddress } from "@/lib/auth/client-address";
import { decideAttempt, limitKeys, lockMessage } from "@/lib/domain/sign-in-throttle";
import { env } from "@/lib/env";
import { GENERIC_FAILURE } from "@/lib/entry/actions";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/database-unavailable";
import { signInSchema } from "@/lib/validation/auth";
import { safeCallbackUrl } from "@/lib/validation/callback-url";
import { type FormState, formValues, parseForm } from "@/lib/validation/form-data";
import { joinPendingInvite, pendingInvite } from "../pending-invite";

const WRONG_CREDENTIALS = "That email and password do not match an account.";

/** Says which limit refused the attempt and for how long, read back from the records that refused it. */
async function lockedMessage(email: string): Promise<string> {
  const keys = limitKeys(email, clientAddress(await headers(), env().TRUST_PROXY));
  const now = new Date();
  const decision = decideAttempt(await readSignInLimits(await getDb(), keys), now);
  if (decision.kind === "refused") return lockMessage(decision.scope, decision.retryAt, now);
  return lockMessage("account", new Date(now.getTime() + 15 * 60_000), now);
}

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(signInSchema, formData);
  if (!parsed.success) return parsed.state;
  const redirectTo = safeCallbackUrl(formData.get("callbackUrl"));
  let joinedAt: string | null = null;
  try {
    const invite = await pendingInvite(redirectTo);
    if (!invite) {
      await signIn("credentials", { ...parsed.data, redirectTo });
      return { ok: true };
    }
    // Signed in without leaving yet, so the invite is accepted as this person before going on.
    await signIn("credentials", { ...parsed.data, redirect: false });
    const user = await findUserByEmail(await getDb(), parsed.data.email);
    if (user) joinedAt = await joinPendingInvite(user.id, invite);
  } catch (error) {
    const values = formValues(formData);
    // Auth.js wraps what the credentials check threw; the cause says the database was down.
    if (isDatabaseUnavailable(error)) return { ok: false, message: DATABASE_UNAVAILABLE_MESSAGE, values };
    if (!(error instanceof AuthError)) throw error; // includes Next's redirect on success
    if (error instanceof CredentialsSignin && error.code === "too_many_attempts") {
      return { ok: false, message: await lockedMessage(parsed.data.email), values };
    }
    if (error instanceof CredentialsSignin) return { ok: false, message: WRONG_CREDENTIALS, values };
    console.error("[sign-in] unexpected auth failure", error);
    return { ok: false, message: GENERIC_FAILURE, values };
  }
  redirect(joinedAt ?? redirectTo);
}
