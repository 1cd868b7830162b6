"use client";

import { useId, useMemo, useState } from "react";
import { buttonClass, cx } from "@/app/_components/ui";
import { rankWithWeights, type ScoreBasis } from "@/lib/domain/what-if";

const initialWeights = (basis: ScoreBasis) => Object.fromEntries(basis.criteria.map((c, i) => [c.id, Math.round((basis.groupWeights[i] ?? 0) * 100)]));

/** Move the criterion weights and watch the ranking change, computed here in the browser; nothing is saved. */
export function WhatIf({ basis }: { basis: ScoreBasis }) {
  const [weights, setWeights] = useState(() => initialWeights(basis));
  const result = useMemo(() => rankWithWeights(basis, weights), [basis, weights]);
  const id = useId();
  const changed = basis.criteria.some((c, i) => weights[c.id] !== Math.round((basis.groupWeights[i] ?? 0) * 100));
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <fieldset className="space-y-3 [&_label]:text-sm">
        <legend className="mb-2 text-sm font-semibold">Criterion weights</legend>
        {basis.criteria.map((c, i) => (
          <div key={c.id} className="grid grid-cols-[10rem_1fr_3rem] items-center gap-3">
            <label htmlFor={`${id}-${i}`}>{c.name}</label>
            <input
              id={`${id}-${i}`}
              type="range"
              min={0}
              max={100}
              value={weights[c.id] ?? 0}
              aria-valuetext={`${Math.round((result.weights[c.id] ?? 0) * 100)}% of the total`}
              onChange={(e) => setWeights((w) => ({ ...w, [c.id]: Number(e.target.value) }))}
              className="w-full accent-brand-600"
            />
            <span className="text-right text-sm tabular-nums">{`${Math.round((result.weights[c.id] ?? 0) * 100)}%`}</span>
          </div>
        ))}
        {/* aria-disabled, not disabled: a button disabled by its own press drops the keyboard's focus. */}
        <button
          type="button"
          className={cx(buttonClass("secondary"), !changed && "cursor-not-allowed opacity-60")}
          aria-disabled={!changed}
          onClick={() => {
            if (changed) setWeights(initialWeights(basis));
          }}
        >
          Reset to the group’s weights
        </button>
      </fieldset>
      <div>
        <h3 id={`${id}-ranking`} className="mb-2 text-sm font-semibold">
          Ranking with these weights
        </h3>
        <ol aria-labelledby={`${id}-ranking`} aria-live="polite" className="space-y-1 text-sm [&_li]:flex [&_li]:items-center [&_li]:gap-2">
          {result.options.map((o) => (
            <li key={o.optionId}>
              <span className="w-6 tabular-nums">{`${o.rank ?? "—"}.`}</span>
              <span className="w-32 truncate font-medium">{o.name}</span>
              <span className="h-2 flex-1 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                <span className="block h-2 rounded bg-brand-500" style={{ width: `${o.score ?? 0}%` }} />
              </span>
              <span className="w-12 text-right tabular-nums">{o.score === null ? "—" : o.score.toFixed(1)}</span>
            </li>
          ))}
        </ol>
        <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
          {changed ? "Exploring: this is not the team’s result, and nothing is saved." : "These are the group’s weights: the ranking matches the result above."}
        </p>
      </div>
    </div>
  );
}
