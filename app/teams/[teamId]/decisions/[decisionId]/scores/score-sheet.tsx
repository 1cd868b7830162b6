"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import { ActionForm } from "@/app/_components/form";
import { SaveBar, useSheetSave } from "@/app/_components/save-bar";
import { type ScoreCell, scoreSheetProblem } from "@/lib/domain/sheet-rules";
import { SCORE_LABELS, SCORE_VALUES } from "@/lib/domain/tally";
import { saveScoresAction } from "../actions/save-scores";

type Item = { id: string; name: string; description: string };

/** A cell's comment or evidence link: a blank one is the same as none, so it need not be sent. */
const isNote = (name: string) => name.endsWith(".comment") || name.endsWith(".evidence");
/** A cell as the page hands it over: blank notes left out, so 100 cells cost the page little. */
export type Cell = { score: number | null; comment?: string; evidence?: string };

export function ScoreSheet({
  teamId,
  decisionId,
  options,
  criteria,
  initial,
  previous,
  previousRound,
  unsavedRound,
  readOnly,
  submitted,
  afterSave,
  allNotes = false,
}: {
  teamId: string;
  decisionId: string;
  options: Item[];
  criteria: Item[];
  /** Option by option, criterion by criterion (index o × criteria + c); null where nothing is saved. */
  initial: (Cell | null)[];
  /** Counts of scores 1..5 per "optionId.criterionId" in the previous round. */
  previous: Record<string, number[]>;
  previousRound: number;
  /** A new round whose sheet is prefilled but not yet saved. */
  unsavedRound: boolean;
  readOnly: boolean;
  /** Whether this member has sent this sheet before (in this round). */
  submitted: boolean;
  /** What to do next, shown once the sheet is saved. */
  afterSave?: ReactNode;
  /** Every cell's note fields in the page, not only the filled ones: the sheet to use without JavaScript. */
  allNotes?: boolean;
}) {
  const { state, lastSaved, formAction, send, dirty, markDirty } = useSheetSave(
    saveScoresAction,
    `/api/teams/${teamId}/decisions/${decisionId}/scores`,
    unsavedRound,
  );
  const sheet = useRef<HTMLFieldSetElement>(null);
  // A note opened before this script ran sent its toggle before React listened: sent again, it makes the fields.
  useEffect(() => {
    for (const note of sheet.current?.querySelectorAll("details[open]") ?? []) note.dispatchEvent(new Event("toggle"));
  }, []);
  // After a save the page is not rendered again (see save-scores.ts): the count comes back with the result.
  const filled = lastSaved?.data?.scored ? Number(lastSaved.data.scored) : initial.filter((c) => c !== null && c.score !== null).length;
  // The same rules the server applies, read straight from the fields this sheet rendered.
  const check = (formData: FormData) => {
    const text = (name: string) => String(formData.get(name) ?? "").trim();
    const cells: ScoreCell[] = options.flatMap((o) =>
      criteria.map((c) => {
        const prefix = `scores.${o.id}.${c.id}`;
        const score = text(`${prefix}.score`);
        return {
          optionId: o.id,
          criterionId: c.id,
          score: score ? Number(score) : undefined,
          comment: text(`${prefix}.comment`),
          evidence: text(`${prefix}.evidence`) || null,
        };
      }),
    );
    return scoreSheetProblem(cells);
  };

  return (
    <ActionForm action={formAction} send={send} check={check} omitWhenEmpty={isNote} className="space-y-6" onChange={markDirty}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        1 poor · 2 weak · 3 fair · 4 good · 5 excellent. Leave a cell blank if you cannot judge it: blanks count as missing, not as zero.
        {filled > 0 ? ` You have scored ${filled} of ${options.length * criteria.length} cells.` : ""}
      </p>
      <fieldset ref={sheet} disabled={readOnly} className="space-y-6">
        <legend className="sr-only">Scores</legend>
        {options.map((option, o) => (
          <section key={option.id} aria-labelledby={`option-${o}`} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
            <h2 id={`option-${o}`} className="text-lg font-semibold">
              {option.name}
            </h2>
            {option.description ? <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{option.description}</p> : null}
            <div className="divide-y divide-slate-200 dark:divide-slate-800">
              {criteria.map((criterion, c) => {
                const key = `${option.id}.${criterion.id}`;
                const prefix = `scores.${key}`;
                return (
                  <SheetCell
                    key={criterion.id}
                    // Ids by position: two ids in each of six attributes per cell would double the page.
                    id={`cell-${o}-${c}`}
                    prefix={prefix}
                    allNotes={allNotes}
                    option={option.name}
                    criterion={criterion.name}
                    cell={initial[o * criteria.length + c] ?? EMPTY_CELL}
                    error={state.fieldErrors?.[`${prefix}.score`] ?? state.fieldErrors?.[`${prefix}.evidence`] ?? state.fieldErrors?.[`${prefix}.comment`]}
                    previous={previous[key] ? <PreviousRound counts={previous[key]} round={previousRound} /> : null}
                  />
                );
              })}
            </div>
          </section>
        ))}
      </fieldset>
      {readOnly ? null : <SaveBar state={state} dirty={dirty} submitted={submitted} label="Save scores" pendingLabel="Saving scores…" afterSave={afterSave} />}
    </ActionForm>
  );
}

const EMPTY_CELL: Cell = { score: null };

/**
 * The score choices as markup, one version for each saved score (indexed by the score, 0 for
 * none), made once. All 100 selects show the same six choices; as elements they were 600 for the
 * server to render on every request. The markup is this file's constants only, never anything a
 * person typed.
 */
const SCORE_CHOICES = [null, ...SCORE_VALUES].map((saved) => ({
  __html: [
    `<option value=""${saved === null ? " selected" : ""}>Not scored</option>`,
    ...SCORE_VALUES.map((value) => `<option value="${value}"${value === saved ? " selected" : ""}>${value} · ${SCORE_LABELS[value]}</option>`),
  ].join(""),
}));

/**
 * One option on one criterion: the score, and a note and a link behind a disclosure. The fields
 * are named by aria-label rather than by hidden labels: the same names, a third fewer elements in
 * each of the 100 cells to render and send.
 *
 * An empty note's two fields are made when its disclosure is first opened, not sent with the page:
 * in a 10 × 10 sheet they were a third of the markup and a sixth of the server's time on it, for
 * notes most cells never get. A blank note is sent as nothing anyway (isNote), so a cell whose
 * fields were never made says what one with blank fields says. Until the page's script runs, or
 * without it, an unopened note links to the sheet's version with every note field (allNotes).
 */
function SheetCell(props: {
  id: string;
  prefix: string;
  option: string;
  criterion: string;
  cell: Cell;
  error?: string;
  previous: ReactNode;
  allNotes: boolean;
}) {
  const { id, prefix, option, criterion, cell, error, previous, allNotes } = props;
  const about = `${option}, ${criterion}`;
  const hasNote = Boolean(cell.comment || cell.evidence);
  // Chosen once, as defaultValue is: a later render (a refresh) leaves the person's choice alone.
  const [choices] = useState(() => SCORE_CHOICES[cell.score ?? 0]);
  // Once made, the fields stay, open or closed: what was typed in them goes with the sheet.
  const [fieldsMade, setFieldsMade] = useState(false);
  return (
    <div className="score-cell">
      <label htmlFor={id}>{criterion}</label>
      <select
        id={id}
        name={`${prefix}.score`}
        aria-label={`${criterion} score for ${option}`}
        aria-invalid={error ? true : undefined}
        dangerouslySetInnerHTML={choices}
      />
      <details open={hasNote || undefined} onToggle={(event) => event.currentTarget.open && setFieldsMade(true)}>
        <summary aria-label={`Note or evidence for ${about}`}>Note or evidence</summary>
        {hasNote || allNotes || fieldsMade ? (
          <NoteFields prefix={prefix} about={about} cell={cell} />
        ) : (
          <a href={`?notes=all#${id}`}>{NOTE_FIELDS_ELSEWHERE}</a>
        )}
      </details>
      {previous}
      {error ? <p className="text-sm text-red-700 sm:col-span-3 dark:text-red-300">{error}</p> : null}
    </div>
  );
}

/** An unopened note before the page's script runs, or without it: the sheet that has every note field, at this cell. */
const NOTE_FIELDS_ELSEWHERE = "Open the note fields (save your scores first)";

function NoteFields({ prefix, about, cell }: { prefix: string; about: string; cell: Cell }) {
  return (
    <>
      <textarea
        name={`${prefix}.comment`}
        aria-label={`Comment on ${about}`}
        defaultValue={cell.comment ?? ""}
        rows={2}
        maxLength={1000}
        placeholder="Why this score?"
      />
      <input name={`${prefix}.evidence`} aria-label={`Evidence link for ${about}`} type="url" defaultValue={cell.evidence} placeholder="https://… (optional)" />
    </>
  );
}

function PreviousRound({ counts, round }: { counts: number[]; round: number }) {
  const n = counts.reduce((a, b) => a + b, 0);
  const mean = n > 0 ? counts.reduce((sum, c, i) => sum + c * (i + 1), 0) / n : null;
  const most = Math.max(...counts, 1);
  return (
    <div className="flex items-end gap-3 text-xs text-slate-600 sm:col-start-2 sm:col-span-2 dark:text-slate-400">
      <span>Round {round}:</span>
      <span className="flex items-end gap-0.5" aria-hidden="true">
        {counts.map((c, i) => (
          <span key={i} className="flex flex-col items-center">
            <span className="w-4 rounded-sm bg-brand-500/70" style={{ height: `${4 + (c / most) * 16}px` }} />
            <span>{i + 1}</span>
          </span>
        ))}
      </span>
      <span className="sr-only">{counts.map((c, i) => `${c} scored ${i + 1}`).join(", ")}.</span>
      <span>{mean === null ? "no scores" : `mean ${mean.toFixed(1)} from ${n}`}</span>
    </div>
  );
}
