"use client";

import { useActionState } from "react";
import { ActionForm, FormMessage, initialFormState, SelectField, SubmitButton, TextAreaField } from "@/app/_components/form";
import { LEARNED_MAX } from "@/lib/validation/limits";
import { saveReviewAction } from "../actions/save-review";

const SCALE = [
  [5, "5 · excellent"],
  [4, "4 · good"],
  [3, "3 · fair"],
  [2, "2 · weak"],
  [1, "1 · poor"],
] as const;

type Criterion = { id: string; name: string; description: string };

/** One person's review: per criterion how the chosen option actually did, and what they learned. */
export function ReviewForm({
  teamId,
  decisionId,
  chosen,
  criteria,
  own,
}: {
  teamId: string;
  decisionId: string;
  chosen: string;
  criteria: Criterion[];
  own: { scores: Record<string, number>; learned: string } | null;
}) {
  const [state, action] = useActionState(saveReviewAction, initialFormState);
  return (
    <ActionForm action={action} className="space-y-5">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium">How did {chosen} actually do?</legend>
        <p className="mb-3 text-xs text-slate-500 dark:text-slate-400">
          The same scale as the scoring: 1 poor · 2 weak · 3 fair · 4 good · 5 excellent. Leave a criterion on “Cannot say” if you cannot judge it.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          {criteria.map((c) => (
            <SelectField
              key={c.id}
              name={`scores.${c.id}`}
              label={c.name}
              hint={c.description || undefined}
              state={state}
              defaultValue={own?.scores[c.id] !== undefined ? String(own.scores[c.id]) : ""}
            >
              <option value="">Cannot say</option>
              {SCALE.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        name="learned"
        label="What did we learn?"
        hint="What held, what surprised you, what the team would weigh differently next time."
        rows={5}
        maxLength={LEARNED_MAX}
        defaultValue={state.values?.learned ?? own?.learned ?? ""}
        error={state.fieldErrors?.learned}
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Saving…">{own ? "Update my review" : "Save my review"}</SubmitButton>
    </ActionForm>
  );
}
