"use client";

import { useActionState } from "react";
import { ActionForm, Field, FormMessage, initialFormState, SubmitButton } from "@/app/_components/form";
import { PASSWORD_MIN } from "@/lib/validation/limits";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState(resetPasswordAction, initialFormState);
  return (
    <ActionForm action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {/* For password managers: whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters.`}
        required
        state={state}
      />
      <Field label="New password, again" name="confirmPassword" type="password" autoComplete="new-password" required state={state} />
      <SubmitButton pendingLabel="Saving…" className="w-full">
        Save the new password
      </SubmitButton>
    </ActionForm>
  );
}
