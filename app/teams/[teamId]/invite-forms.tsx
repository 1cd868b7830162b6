"use client";

import { useActionState, useId } from "react";
import { CopyField } from "@/app/_components/copy-field";
import { ActionForm, Field, FormMessage, initialFormState, SubmitButton } from "@/app/_components/form";
import { inputClass } from "@/app/_components/ui";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { INVITE_DEFAULT_DAYS, INVITE_MAX_DAYS } from "@/lib/validation/limits";
import { createInviteAction } from "./actions/create-invite";
import { regenerateInviteAction } from "./actions/regenerate-invite";
import { revokeInviteAction } from "./actions/revoke-invite";

export function CreateInviteForm({ teamId, roles }: { teamId: string; roles: Role[] }) {
  const [state, action] = useActionState(createInviteAction, initialFormState);
  const roleId = useId();
  const selectedRole = state.values?.role ?? "member";
  return (
    <div className="space-y-4">
      <ActionForm action={action} className="grid gap-4 sm:grid-cols-3" noValidate>
        <input type="hidden" name="teamId" value={teamId} />
        <div>
          <label htmlFor={roleId} className="mb-1 block text-sm font-medium">
            Role
          </label>
          <select id={roleId} name="role" defaultValue={selectedRole} className={inputClass}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Members vote; viewers only watch; admins also invite and manage.</p>
          {state.fieldErrors?.role ? <p className="mt-1 text-sm text-red-700 dark:text-red-300">{state.fieldErrors.role}</p> : null}
        </div>
        <Field
          label="Expires after (days)"
          name="expiresInDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={INVITE_MAX_DAYS}
          defaultValue={String(INVITE_DEFAULT_DAYS)}
          hint={`1 to ${INVITE_MAX_DAYS} days.`}
          state={state}
        />
        <Field
          label="Use limit"
          name="maxUses"
          type="number"
          inputMode="numeric"
          min={1}
          placeholder="No limit"
          hint="Blank means anyone with the link."
          state={state}
        />
        <div className="sm:col-span-3">
          <SubmitButton pendingLabel="Creating link…">Create invite link</SubmitButton>
        </div>
      </ActionForm>
      <FormMessage state={state} />
      {/* The newest link; every active one can be copied again from the table below. */}
      {state.ok && state.data?.inviteUrl ? <CopyField label="Invite link" value={state.data.inviteUrl} buttonLabel="Copy link" /> : null}
    </div>
  );
}

type InviteRow = { teamId: string; inviteId: string; label: string };
type InviteAction = typeof revokeInviteAction;

/**
 * One step taken on one invite, behind a disclosure that says what it does before the button that
 * does it: a plain details element, so the second step needs no JavaScript either.
 */
function InviteRowAction({
  teamId,
  inviteId,
  label,
  action: serverAction,
  verb,
  consequence,
  pendingLabel,
  variant,
  successShown,
}: InviteRow & {
  action: InviteAction;
  verb: string;
  consequence: string;
  pendingLabel: string;
  variant: "danger" | "secondary";
  successShown: boolean;
}) {
  const [state, action] = useActionState(serverAction, initialFormState);
  return (
    <details className="text-sm">
      <summary className="w-fit cursor-pointer font-medium text-brand-700 hover:underline dark:text-brand-100">
        {verb}…<span className="sr-only"> {label}</span>
      </summary>
      <ActionForm action={action} className="mt-2 space-y-2">
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="inviteId" value={inviteId} />
        <p className="text-slate-600 dark:text-slate-400">{consequence}</p>
        <SubmitButton variant={variant} pendingLabel={pendingLabel} className="py-1">
          <span>
            Yes, {verb.toLowerCase()}
            <span className="sr-only"> the {label}</span>
          </span>
        </SubmitButton>
        {state.ok && !successShown ? null : <FormMessage state={state} />}
      </ActionForm>
    </details>
  );
}

export function RevokeInviteForm(props: InviteRow) {
  return (
    <InviteRowAction
      {...props}
      action={revokeInviteAction}
      verb="Revoke"
      consequence="Nobody can join with this link any more. People who joined with it stay."
      pendingLabel="Revoking…"
      variant="danger"
      successShown={false}
    />
  );
}

/** A new token for the same invite: the old link stops working at once. */
export function RegenerateInviteForm(props: InviteRow) {
  return (
    <InviteRowAction
      {...props}
      action={regenerateInviteAction}
      verb="Regenerate"
      consequence="A new link with the same role, expiry and use limit; the current link stops working at once."
      pendingLabel="Regenerating…"
      variant="secondary"
      successShown
    />
  );
}
