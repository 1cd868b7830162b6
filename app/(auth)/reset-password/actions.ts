"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { RESET_COOKIE, RESET_PAGE } from "@/lib/auth/reset-cookie";
import { failureState } from "@/lib/entry/actions";
import { resetPassword } from "@/lib/services/password-resets";
import { resetPasswordSchema } from "@/lib/validation/account";
import { type FormState, parseForm } from "@/lib/validation/form-data";

/** The link's token (from its cookie) stands in for the current password; anyone holding it may set one. */
export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(resetPasswordSchema, formData);
  // Passwords are never sent back to the browser, even to refill the form.
  if (!parsed.success) return { ...parsed.state, values: undefined };
  const jar = await cookies();
  try {
    await resetPassword(await getDb(), jar.get(RESET_COOKIE)?.value ?? "", parsed.data.newPassword);
  } catch (error) {
    return failureState(error);
  }
  jar.delete({ name: RESET_COOKIE, path: RESET_PAGE });
  redirect("/sign-in?reset=done");
}
