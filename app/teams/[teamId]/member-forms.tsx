"use client";

import { useActionState, useId } from "react";
import { ActionForm, FormMessage, initialFormState, SubmitButton } from "@/app/_components/form";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { changeRoleAction } from "./actions/change-role";
import { leaveTeamAction } from "./actions/leave-team";
import { removeMemberAction } from "./actions/remove-member";

export function ChangeRoleForm({ teamId, userId, memberName, role, roles }: { teamId: string; userId: string; memberName: string; role: Role; roles: Role[] }) {
  const [state, action] = useActionState(changeRoleAction, initialFormState);
  const id = useId();
  return (
    <ActionForm action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">
        Role for {memberName}
      </label>
      <select
        id={id}
        name="role"
        defaultValue={role}
        className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950"
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" pendingLabel="Saving…" className="py-1.5">
        <span>
          Save<span className="sr-only"> role for {memberName}</span>
        </span>
      </SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} />
      </div>
    </ActionForm>
  );
}

export function RemoveMemberForm({ teamId, userId, memberName }: { teamId: string; userId: string; memberName: string }) {
  const [state, action] = useActionState(removeMemberAction, initialFormState);
  return (
    <ActionForm action={action} confirmMessage={`Remove ${memberName} from the team? They lose access at once.`}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="danger" pendingLabel="Removing…" className="py-1.5">
        <span>
          Remove<span className="sr-only"> {memberName}</span>
        </span>
      </SubmitButton>
      <FormMessage state={state} />
    </ActionForm>
  );
}

export function LeaveTeamForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const [state, action] = useActionState(leaveTeamAction, initialFormState);
  return (
    <ActionForm action={action} className="space-y-3" confirmMessage={`Leave ${teamName}? You will need a new invite to come back.`}>
      <input type="hidden" name="teamId" value={teamId} />
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel="Leaving…">
        Leave team
      </SubmitButton>
    </ActionForm>
  );
}
