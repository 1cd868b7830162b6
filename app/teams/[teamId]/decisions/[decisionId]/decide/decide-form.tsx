"use client";

import { useActionState, useId, useState } from "react";
import { ActionForm, FormMessage, initialFormState, SubmitButton } from "@/app/_components/form";
import { cx, inputClass } from "@/app/_components/ui";
import { decideAction } from "../actions/decide";

type Choice = { id: string; name: string; score: number | null; rank: number | null };

function TextArea({ name, label, hint, defaultValue, error, rows = 4 }: { name: string; label: string; hint?: string; defaultValue?: string; error?: string; rows?: number }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mb-1 text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={cx(hint && `${id}-hint`, error && `${id}-error`) || undefined}
        className={inputClass}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function DecideForm({ teamId, decisionId, choices, topIds, context }: { teamId: string; decisionId: string; choices: Choice[]; topIds: string[]; context: string }) {
  const [state, action] = useActionState(decideAction, initialFormState);
  const [chosen, setChosen] = useState(topIds[0] ?? choices[0]?.id ?? "");
  const offTop = !topIds.includes(chosen);
  const errors = state.fieldErrors ?? {};
  return (
    <ActionForm action={action} className="space-y-5">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Chosen option</legend>
        <div className="space-y-2">
          {choices.map((c) => (
            <label key={c.id} className="flex items-center gap-3 rounded-lg border border-slate-200 px-3 py-2 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 dark:border-slate-800 dark:has-[:checked]:bg-brand-700/20">
              <input type="radio" name="chosenOptionId" value={c.id} checked={chosen === c.id} onChange={() => setChosen(c.id)} className="accent-brand-600" />
              <span className="font-medium">{c.name}</span>
              <span className="ml-auto text-sm tabular-nums text-slate-500 dark:text-slate-400">
                {c.rank ? `#${c.rank}` : "unranked"} · {c.score === null ? "—" : c.score.toFixed(1)}
              </span>
            </label>
          ))}
        </div>
        {errors.chosenOptionId ? <p className="mt-1 text-sm text-red-700 dark:text-red-300">{errors.chosenOptionId}</p> : null}
      </fieldset>
      {offTop ? (
        <TextArea
          name="justification"
          label="Why this option and not the top-ranked one?"
          hint="Required when the choice differs from the tally. It is kept in the record."
          error={errors.justification}
        />
      ) : null}
      <TextArea name="context" label="Context" hint="The problem and the forces at play." defaultValue={context} error={errors.context} rows={5} />
      <TextArea name="decision" label="Decision" hint="What we will do, and the main reasons." error={errors.decision} />
      <div className="grid gap-5 md:grid-cols-2">
        <TextArea name="consequencesGood" label="Good consequences" hint="What gets easier or better." error={errors.consequencesGood} />
        <TextArea name="consequencesBad" label="Bad consequences" hint="Costs, risks, what gets harder." error={errors.consequencesBad} />
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Recording…">Record the decision</SubmitButton>
      <p className="text-xs text-slate-500 dark:text-slate-400">The tally, weights and scores are frozen into the record at this moment.</p>
    </ActionForm>
  );
}
