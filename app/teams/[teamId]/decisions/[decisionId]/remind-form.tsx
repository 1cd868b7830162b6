"use client";

import { useActionState, useId } from "react";
import { ActionForm, FormMessage, initialFormState, SubmitButton } from "@/app/_components/form";
import { buttonClass } from "@/app/_components/ui";
import { remindAction } from "./actions/remind";

/**
 * The one-click reminder. While the hour since the last one runs, the button is shown disabled with
 * the time it can be used again (`waitNote`); the server holds the same rule whatever the page shows.
 */
export function RemindForm({ teamId, decisionId, label, waitNote }: { teamId: string; decisionId: string; label: string; waitNote: string | null }) {
  const [state, action] = useActionState(remindAction, initialFormState);
  const noteId = useId();
  return (
    <ActionForm action={action} className="space-y-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="decisionId" value={decisionId} />
      {waitNote ? (
        <>
          <button type="button" disabled aria-describedby={noteId} className={buttonClass("secondary", "cursor-not-allowed opacity-60")}>
            {label}
          </button>
          <p id={noteId} className="text-sm text-slate-600 dark:text-slate-400">
            {waitNote}
          </p>
        </>
      ) : (
        <SubmitButton variant="secondary" pendingLabel="Sending…">
          {label}
        </SubmitButton>
      )}
      <FormMessage state={state} />
    </ActionForm>
  );
}
