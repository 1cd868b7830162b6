"use client";

import { useActionState, useState } from "react";
import { ActionForm, Field, FormMessage, initialFormState, SubmitButton, TextAreaField } from "@/app/_components/form";
import { decideAction } from "../actions/decide";

type Choice = { id: string; name: string; score: number | null; rank: number | null };

export function DecideForm({
  teamId,
  decisionId,
  choices,
  topIds,
  context,
  reviewOn,
}: {
  teamId: string;
  decisionId: string;
  choices: Choice[];
  topIds: string[];
  context: string;
  /** The review date offered: six months from today, as a day in the reader's zone. */
  reviewOn: string;
}) {
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
            <label
              key={c.id}
              className="flex items-center gap-3 rounded-lg border border-slate-200 px-3 py-2 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 dark:border-slate-800 dark:has-[:checked]:bg-brand-700/20"
            >
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
        <TextAreaField
          name="justification"
          label="Why this option and not the top-ranked one?"
          hint="Required when the choice differs from the tally. It is kept in the record."
          error={errors.justification}
        />
      ) : null}
      <TextAreaField name="context" label="Context" hint="The problem and the forces at play." defaultValue={context} error={errors.context} rows={5} />
      <TextAreaField name="decision" label="Decision" hint="What we will do, and the main reasons." error={errors.decision} rows={4} />
      <div className="grid gap-5 md:grid-cols-2">
        <TextAreaField name="consequencesGood" label="Good consequences" hint="What gets easier or better." error={errors.consequencesGood} rows={4} />
        <TextAreaField name="consequencesBad" label="Bad consequences" hint="Costs, risks, what gets harder." error={errors.consequencesBad} rows={4} />
      </div>
      <Field
        type="date"
        name="reviewOn"
        label="Review date"
        hint="When the team looks back at how the choice turned out: six months from today unless you choose another day. It can be changed later."
        defaultValue={reviewOn}
        state={state}
        required
        className="max-w-xs"
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Recording…">Record the decision</SubmitButton>
      <p className="text-xs text-slate-500 dark:text-slate-400">The tally, weights and scores are frozen into the record at this moment.</p>
    </ActionForm>
  );
}
