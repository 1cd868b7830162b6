"use server";

import { headers } from "next/headers";
import { getDb } from "@/db";
import { clientAddress } from "@/lib/auth/client-address";
import { env } from "@/lib/env";
import { failureState } from "@/lib/entry/actions";
import { RESET_REQUESTED_MESSAGE } from "@/lib/domain/password-reset";
import { requestPasswordReset } from "@/lib/services/password-resets";
import { forgotPasswordSchema } from "@/lib/validation/auth";
import { type FormState, parseForm } from "@/lib/validation/form-data";

/** Anyone may ask; the answer is the same whether or not an account uses the address. */
export async function forgotPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(forgotPasswordSchema, formData);
  if (!parsed.success) return parsed.state;
  try {
    await requestPasswordReset(await getDb(), parsed.data.email, clientAddress(await headers(), env().TRUST_PROXY));
  } catch (error) {
    return failureState(error, formData);
  }
  return { ok: true, message: RESET_REQUESTED_MESSAGE, values: { email: parsed.data.email } };
}
