"use client";

import { useActionState } from "react";
import { ActionForm, Field, FormMessage, initialFormState, SubmitButton } from "@/app/_components/form";
import { setReviewDateAction } from "./actions/set-review-date";

/** Moves the review date (the facilitator, an owner or an admin); folded away until needed. */
export function ReviewDateForm({ teamId, decisionId, reviewOn }: { teamId: string; decisionId: string; reviewOn: string }) {
  const [state, action] = useActionState(setReviewDateAction, initialFormState);
  return (
    <details className="mt-4 text-sm" open={state.fieldErrors || state.ok ? true : undefined}>
      <summary className="cursor-pointer font-medium text-brand-600 dark:text-brand-100">Change the review date…</summary>
      <ActionForm action={action} className="mt-3 flex flex-wrap items-end gap-3">
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="decisionId" value={decisionId} />
        <Field type="date" name="reviewOn" label="Review date" defaultValue={reviewOn} state={state} required />
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save the date
        </SubmitButton>
        <div className="basis-full">
          <FormMessage state={state} />
        </div>
      </ActionForm>
    </details>
  );
}
