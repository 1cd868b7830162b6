"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { registerUser } from "@/lib/services/accounts";
import { signIn } from "@/lib/auth";
import { joinPendingInvite, pendingInvite } from "../pending-invite";
import { failureState } from "@/lib/entry/actions";
import { signUpSchema } from "@/lib/validation/auth";
import { safeCallbackUrl } from "@/lib/validation/callback-url";
import { type FormState, parseForm } from "@/lib/validation/form-data";

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(signUpSchema, formData);
  if (!parsed.success) return parsed.state;
  let redirectTo = safeCallbackUrl(formData.get("callbackUrl"));
  try {
    const user = await registerUser(await getDb(), parsed.data);
    const invite = await pendingInvite(redirectTo);
    if (invite) redirectTo = await joinPendingInvite(user.id, invite);
  } catch (error) {
    return failureState(error, formData);
  }
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    // The account exists; only the automatic sign-in failed, so send them to sign in by hand.
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(redirectTo)}`);
  }
  return { ok: true };
}
