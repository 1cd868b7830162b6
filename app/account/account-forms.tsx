"use client";

import { useActionState } from "react";
import { ActionForm, Field, FormMessage, initialFormState, SubmitButton } from "@/app/_components/form";
import { buttonClass } from "@/app/_components/ui";
import { changePasswordAction } from "./actions/change-password";
import { revokeSessionAction } from "./actions/revoke-session";
import { signOutEverywhereAction } from "./actions/sign-out-everywhere";

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, initialFormState);
  return (
    // A successful change empties the form: the key changes with each answer.
    <ActionForm key={state.ok ? state.message : "editing"} action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required state={state} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" hint="At least 8 characters." required state={state} />
      <Field label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" required state={state} />
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </ActionForm>
  );
}

export function RevokeSessionForm({ sessionId, label }: { sessionId: string; label: string }) {
  const [state, action] = useActionState(revokeSessionAction, initialFormState);
  return (
    <ActionForm action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="sessionId" value={sessionId} />
      <SubmitButton variant="secondary" pendingLabel="Signing out…" className="py-1.5">
        <span>
          Sign out<span className="sr-only"> {label}</span>
        </span>
      </SubmitButton>
      {state.ok ? null : <FormMessage state={state} />}
    </ActionForm>
  );
}

export function SignOutEverywhereForm() {
  return (
    <form action={signOutEverywhereAction}>
      <button type="submit" className={buttonClass("danger")}>
        Sign out of every device
      </button>
    </form>
  );
}
