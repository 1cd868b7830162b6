"use client";

/**
 * One person's scores, as a grid of options × criteria, then their comments and evidence. A client
 * component only so that the page carries each score once, as a digit, rather than its markup a
 * second time in the server-component payload; it renders on the server like any other.
 */
import { SCORE_LABELS, SCORE_VALUES } from "@/lib/domain/weighted-score";

/** A comment or evidence link on one cell, by option and criterion position. */
export type PersonNote = [option: number, criterion: number, comment: string | null, evidenceUrl: string | null];

export type PersonScoresData = {
  options: string[];
  criteria: string[];
  /** Per option, a digit per criterion: the score 1..5, or 0 where the person did not score. */
  grid: string[];
  notes: PersonNote[];
};

const table = "w-full text-left text-sm [&_th]:py-1.5 [&_th]:pr-3 [&_th]:font-medium [&_td]:py-1.5 [&_td]:pr-3 [&_td]:tabular-nums";

export function PersonScores({ data }: { data: PersonScoresData }) {
  const { options, criteria, grid, notes } = data;
  return (
    <>
      <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">{SCORE_VALUES.map((s) => `${s} ${SCORE_LABELS[s]}`).join(" · ")}; — not scored.</p>
      <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-labelledby="person-scores-heading">
        <table className={table}>
          <caption className="sr-only">Scores by option and criterion</caption>
          <thead className="text-xs text-slate-500 dark:text-slate-400">
            <tr>
              <th scope="col">Option</th>
              {criteria.map((name, c) => (
                <th key={c} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {options.map((name, o) => (
              <tr key={o}>
                <th scope="row">{name}</th>
                {criteria.map((_, c) => (
                  <td key={c}>{grid[o]?.[c] && grid[o][c] !== "0" ? grid[o][c] : "—"}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {notes.length > 0 ? (
        <ul className="mt-3 space-y-1 text-sm" aria-label="Comments and evidence">
          {notes.map(([o, c, comment, evidenceUrl]) => (
            <li key={`${o}.${c}`}>
              {`${options[o]} · ${criteria[c]}:`}
              {comment ? <span className="text-slate-600 dark:text-slate-400">{` “${comment}”`}</span> : null}
              {evidenceUrl ? (
                <a href={evidenceUrl} rel="noreferrer nofollow" className="ml-1 text-brand-600 hover:underline dark:text-brand-100">
                  evidence
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
