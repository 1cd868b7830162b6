"use client";

import { type ReactNode, useState } from "react";
import { ActionForm } from "@/app/_components/form";
import { SaveBar, useSheetSave } from "@/app/_components/save-bar";
import { saveWeightsAction } from "../actions/save-weights";

type Criterion = { id: string; name: string; description: string };

export function WeightSheet({
  teamId,
  decisionId,
  criteria,
  initial,
  readOnly,
  submitted,
  afterSave,
}: {
  teamId: string;
  decisionId: string;
  criteria: Criterion[];
  initial: Record<string, number>;
  readOnly: boolean;
  /** Whether this member has sent this sheet before (in this round). */
  submitted: boolean;
  /** What to do next, shown once the sheet is saved. */
  afterSave?: ReactNode;
}) {
  const { state, formAction, send, dirty, markDirty } = useSheetSave(saveWeightsAction, `/api/teams/${teamId}/decisions/${decisionId}/weights`);
  const [values, setValues] = useState(initial);
  const total = criteria.reduce((sum, c) => sum + (values[c.id] ?? 0), 0);

  return (
    <ActionForm action={formAction} send={send} className="space-y-6" onChange={markDirty}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <fieldset disabled={readOnly} className="space-y-5">
        <legend className="sr-only">Importance of each criterion, from 0 (does not matter) to 10 (matters most)</legend>
        {criteria.map((c) => {
          const value = values[c.id] ?? 5;
          const share = total > 0 ? Math.round(((values[c.id] ?? 0) / total) * 100) : 0;
          const error = state.fieldErrors?.[`weights.${c.id}`];
          return (
            <div key={c.id} className="grid gap-2 sm:grid-cols-[14rem_1fr_6rem] sm:items-center">
              <div>
                <label htmlFor={`weight-${c.id}`} className="font-medium">
                  {c.name}
                </label>
                {c.description ? <p className="text-xs text-slate-500 dark:text-slate-400">{c.description}</p> : null}
              </div>
              <input
                id={`weight-${c.id}`}
                type="range"
                name={`weights.${c.id}`}
                min={0}
                max={10}
                step={1}
                value={value}
                aria-valuetext={`${value} out of 10`}
                aria-invalid={error ? true : undefined}
                onChange={(e) => setValues((v) => ({ ...v, [c.id]: Number(e.target.value) }))}
                className="w-full accent-brand-600"
              />
              <output htmlFor={`weight-${c.id}`} className="text-sm tabular-nums">
                <strong>{value}</strong>/10 · {share}%
              </output>
              {error ? <p className="text-sm text-red-700 sm:col-span-3 dark:text-red-300">{error}</p> : null}
            </div>
          );
        })}
      </fieldset>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        The percentage is this criterion’s share of your weight: only the proportions count, so 5-5-5 means the same as 10-10-10.
      </p>
      {readOnly ? null : (
        <SaveBar state={state} dirty={dirty} submitted={submitted} label="Save weights" pendingLabel="Saving weights…" afterSave={afterSave} />
      )}
    </ActionForm>
  );
}
