"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { getDb } from "@/db";
import { readThrottle } from "@/db/queries/sign-in-throttle";
import { signIn } from "@/lib/auth";
import { minutesUntil } from "@/lib/domain/sign-in-throttle";
import { GENERIC_FAILURE } from "@/lib/actions/form-action";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/database-unavailable";
import { signInSchema } from "@/lib/validation/auth";
import { safeCallbackUrl } from "@/lib/validation/callback-url";
import { type FormState, formValues, parseForm } from "@/lib/validation/form-data";

const WRONG_CREDENTIALS = "That email and password do not match an account.";

async function lockedMessage(email: string): Promise<string> {
  const record = await readThrottle(await getDb(), email);
  const minutes = record?.lockedUntil ? minutesUntil(record.lockedUntil, new Date()) : 15;
  return `Too many failed sign-in attempts for this email. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(signInSchema, formData);
  if (!parsed.success) return parsed.state;
  const redirectTo = safeCallbackUrl(formData.get("callbackUrl"));
  try {
    await signIn("credentials", { ...parsed.data, redirectTo });
    return { ok: true };
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
}
