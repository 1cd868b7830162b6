"use client";

import { type ReactNode, useActionState, useRef, useState } from "react";
import type { FormState } from "@/lib/validation/form-data";
import { initialFormState, SubmitButton } from "./form";
import { sendFormAsJson } from "./send-json";
import { SaveStatus, useWarnBeforeLeaving } from "./unsaved-changes";

type ServerAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * A sheet's saving, both ways: `formAction` is what the form posts without JavaScript (the page
 * comes back with its state); with JavaScript, `send` puts the fields as JSON to `url`. `dirty`
 * says whether there are edits that no save has taken: set by `markDirty` on any edit, cleared when
 * a save succeeds, unless the person edited again while it was on its way. Asks before leaving
 * the page while dirty.
 */
export function useSheetSave(action: ServerAction, url: string, initiallyDirty = false) {
  const [actionState, formAction] = useActionState(action, initialFormState);
  const [sent, setSent] = useState<FormState | null>(null);
  const [lastSaved, setLastSaved] = useState<FormState | null>(null);
  const [dirty, setDirty] = useState(initiallyDirty);
  const edits = useRef(0);
  useWarnBeforeLeaving(dirty);
  const send = async (formData: FormData) => {
    const editsSent = edits.current;
    const answer = await sendFormAsJson(url, formData);
    setSent(answer);
    if (answer.ok) setLastSaved(answer);
    if (answer.ok && edits.current === editsSent) setDirty(false);
  };
  const markDirty = () => {
    edits.current += 1;
    setDirty(true);
  };
  const state = sent ?? actionState;
  // What the last successful save answered, kept while a later save is refused.
  return { state, lastSaved: state.ok ? state : lastSaved, formAction, send, dirty, markDirty };
}

/**
 * A sheet's Save button with everything a save answers beside it, in a bar that stays on screen
 * at the foot of a long sheet: where the sheet stands, a failure's message, and once saved, what
 * happens next (`afterSave`: the page knows the phase, the deadline and what else awaits).
 */
export function SaveBar(props: { state: FormState; dirty: boolean; submitted: boolean; label: string; pendingLabel: string; afterSave?: ReactNode }) {
  const { state, dirty, submitted, label, pendingLabel, afterSave } = props;
  const saved = state.ok && !dirty;
  return (
    <div className="sticky bottom-0 z-10 space-y-2 border-t border-slate-200 bg-slate-50 py-3 dark:border-slate-800 dark:bg-slate-950">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <SubmitButton pendingLabel={pendingLabel}>{label}</SubmitButton>
        <SaveStatus dirty={dirty} savedAt={state.ok ? state.data?.savedAt : undefined} submitted={submitted} />
      </div>
      {!state.ok && state.message ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {state.message}
        </p>
      ) : null}
      {saved && state.message ? (
        <div role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          <p>{state.message}</p>
          {afterSave}
        </div>
      ) : null}
    </div>
  );
}
