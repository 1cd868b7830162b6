"use client";

import { useActionState } from "react";
import { ActionForm, FormMessage, initialFormState, SubmitButton } from "@/app/_components/form";
import { acceptInviteAction } from "./actions";

export function AcceptInviteForm({ token, teamName }: { token: string; teamName: string }) {
  const [state, action] = useActionState(acceptInviteAction, initialFormState);
  return (
    <ActionForm action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Joining…">Join {teamName}</SubmitButton>
    </ActionForm>
  );
}
