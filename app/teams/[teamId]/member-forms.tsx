"use client";

import { useActionState, useId } from "react";
import { FormMessage, initialFormState, SubmitButton } from "@/app/_components/form";
import { inputClass } from "@/app/_components/ui";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { changeRoleAction } from "./actions/change-role";
import { leaveTeamAction } from "./actions/leave-team";
import { removeMemberAction } from "./actions/remove-member";

export function ChangeRoleForm({ teamId, userId, memberName, role, roles }: { teamId: string; userId: string; memberName: string; role: Role; roles: Role[] }) {
  const [state, action] = useActionState(changeRoleAction, initialFormState);
  const id = useId();
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">
        Role for {memberName}
      </label>
      <select id={id} name="role" defaultValue={role} key={role} className={`${inputClass} w-auto py-1.5`}>
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
    </form>
  );
}

export function RemoveMemberForm({ teamId, userId, memberName }: { teamId: string; userId: string; memberName: string }) {
  const [state, action] = useActionState(removeMemberAction, initialFormState);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`Remove ${memberName} from the team? They lose access at once.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="danger" pendingLabel="Removing…" className="py-1.5">
        <span>
          Remove<span className="sr-only"> {memberName}</span>
        </span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function LeaveTeamForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const [state, action] = useActionState(leaveTeamAction, initialFormState);
  return (
    <form
      action={action}
      className="space-y-3"
      onSubmit={(event) => {
        if (!window.confirm(`Leave ${teamName}? You will need a new invite to come back.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="teamId" value={teamId} />
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel="Leaving…">
        Leave team
      </SubmitButton>
    </form>
  );
}
