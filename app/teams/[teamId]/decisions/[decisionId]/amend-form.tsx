"use client";

import { useActionState } from "react";
import { ActionForm, FormMessage, initialFormState, SubmitButton, TextAreaField } from "@/app/_components/form";
import { LIMITS } from "@/lib/validation/limits";
import { amendOutcomeAction } from "./actions/amend-outcome";

/** Adds a dated amendment under the record; the form stays folded away until someone needs it. */
export function AmendForm({ teamId, decisionId }: { teamId: string; decisionId: string }) {
  const [state, action] = useActionState(amendOutcomeAction, initialFormState);
  return (
    <details className="mt-6 text-sm" open={state.fieldErrors ? true : undefined}>
      <summary className="cursor-pointer font-medium text-brand-600 dark:text-brand-100">Amend the record…</summary>
      <ActionForm action={action} className="mt-3 space-y-3">
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="decisionId" value={decisionId} />
        <p className="text-slate-600 dark:text-slate-400">
          The record as decided never changes: the amendment is shown under it, dated and with your name, and goes into every export.
        </p>
        <TextAreaField
          label="What changes"
          name="text"
          rows={4}
          required
          maxLength={LIMITS.context}
          defaultValue={state.values?.text}
          error={state.fieldErrors?.text}
        />
        <TextAreaField label="Why" name="reason" rows={2} required maxLength={1000} defaultValue={state.values?.reason} error={state.fieldErrors?.reason} />
        <SubmitButton variant="secondary" pendingLabel="Adding…">
          Add amendment
        </SubmitButton>
        <FormMessage state={state} />
      </ActionForm>
    </details>
  );
}
