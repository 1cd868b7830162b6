"use client";

import { useActionState } from "react";
import { ActionForm, FormMessage, initialFormState, SubmitButton } from "@/app/_components/form";
import { markAllReadAction } from "./actions/mark-all-read";
import { openNotificationAction } from "./actions/open-notification";

/** One notification: a button that marks it read and goes to its page (a form, so it works without JavaScript). */
export function OpenNotificationForm({ id, title, unread }: { id: number; title: string; unread: boolean }) {
  const [state, action] = useActionState(openNotificationAction, initialFormState);
  return (
    <ActionForm action={action}>
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        className={
          "text-left font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100 " +
          (unread ? "" : "font-normal text-slate-700 dark:text-slate-300")
        }
      >
        {title}
        {unread ? <span className="sr-only"> (unread)</span> : null}
      </button>
      {state.ok ? null : <FormMessage state={state} />}
    </ActionForm>
  );
}

export function MarkAllReadForm() {
  const [state, action] = useActionState(markAllReadAction, initialFormState);
  return (
    <ActionForm action={action} className="flex flex-col items-end gap-2">
      <SubmitButton variant="secondary" pendingLabel="Marking…">
        Mark all read
      </SubmitButton>
      <FormMessage state={state} />
    </ActionForm>
  );
}
