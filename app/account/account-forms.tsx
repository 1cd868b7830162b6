"use client";

import { useActionState } from "react";
import { ActionForm, Field, FormMessage, initialFormState, SelectField, SubmitButton } from "@/app/_components/form";
import { buttonClass } from "@/app/_components/ui";
import { changePasswordAction } from "./actions/change-password";
import { setTimeZoneAction } from "./actions/set-time-zone";
import { revokeSessionAction } from "./actions/revoke-session";
import { signOutEverywhereAction } from "./actions/sign-out-everywhere";
import { setNotificationSettingsAction } from "./actions/set-notification-settings";
import { DELIVERY_CHOICES } from "@/lib/validation/limits";

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

/** The zone every time is shown in: the browser's (the default), or one chosen here for good. */
export function TimeZoneForm({ chosen, zones }: { chosen: string | null; zones: string[] }) {
  const [state, action] = useActionState(setTimeZoneAction, initialFormState);
  return (
    <ActionForm action={action} className="space-y-3">
      <FormMessage state={state} />
      <SelectField label="Time zone" name="timeZone" state={state} defaultValue={chosen ?? ""}>
        <option value="">Follow my browser</option>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </SelectField>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save time zone
      </SubmitButton>
    </ActionForm>
  );
}

/** Per kind of notification: in Verdict only, or also by email. Plain radios, so it works without JavaScript. */
export function NotificationSettingsForm({ kinds, emailed }: { kinds: readonly { kind: string; label: string }[]; emailed: readonly string[] }) {
  const [state, action] = useActionState(setNotificationSettingsAction, initialFormState);
  return (
    <ActionForm action={action} className="space-y-4">
      <FormMessage state={state} />
      {kinds.map(({ kind, label }) => {
        const name = `email.${kind}`;
        const chosen = state.values?.[name] ?? (emailed.includes(kind) ? "email" : "app");
        return (
          <fieldset key={kind} className="text-sm">
            <legend className="mb-1 font-medium">{label}</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-1">
              {DELIVERY_CHOICES.map((choice) => (
                <label key={choice} className="inline-flex items-center gap-2">
                  <input type="radio" name={name} value={choice} defaultChecked={chosen === choice} className="h-4 w-4 accent-brand-600" />
                  {choice === "app" ? "In Verdict only" : "Also by email"}
                </label>
              ))}
            </div>
            {state.fieldErrors?.[name] ? <p className="mt-1 text-sm text-red-700 dark:text-red-300">{state.fieldErrors[name]}</p> : null}
          </fieldset>
        );
      })}
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save notification settings
      </SubmitButton>
    </ActionForm>
  );
}
