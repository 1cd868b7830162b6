"use client";

import { useActionState } from "react";
import { ActionForm, Field, FormMessage, initialFormState, SubmitButton } from "@/app/_components/form";
import { createTeamAction } from "./actions/create-team";

export function CreateTeamForm() {
  const [state, action] = useActionState(createTeamAction, initialFormState);
  return (
    <ActionForm action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label="Team name" name="name" required maxLength={60} placeholder="e.g. Payments platform" state={state} />
      <SubmitButton pendingLabel="Creating…">Create team</SubmitButton>
    </ActionForm>
  );
}
