"use client";

import Link from "next/link";
import { type ComponentProps, type ReactNode, useActionState, useEffect, useId, useRef, useState } from "react";
import { ActionForm, Field, FormMessage, initialFormState, SubmitButton, TextAreaField } from "@/app/_components/form";
import { buttonClass, cx, inputClass } from "@/app/_components/ui";
import { LIMITS } from "@/lib/validation/decision";
import type { FormState } from "@/lib/validation/form-data";
import { createDecisionAction } from "../actions/create-decision";
import { editDecisionAction } from "../actions/edit-decision";

export type CatalogChoice = { slug: string; name: string; language: string };

export type DecisionFormInitial = {
  title: string;
  context: string;
  frameworks: string[];
  customOptions: { name: string; description: string; link: string }[];
  criteria: { name: string; description: string }[];
  anonymous: boolean;
  /** datetime-local values in UTC ("" for none); the browser shows them in its own time zone. */
  weightingDeadline: string;
  scoringDeadline: string;
};

type OptionRow = { key: string; name: string; description: string; link: string };
type CriterionRow = { key: string; name: string; description: string };

const errorText = "mt-1 text-sm text-red-700 dark:text-red-300";
const hintText = "mt-1 text-xs text-slate-500 dark:text-slate-400";

/** The same rule as the schema: a row with nothing typed in it is dropped, not an error. */
const isBlank = (row: Record<string, string>, keys: string[]) => keys.every((k) => (row[k] ?? "").trim() === "");
const OPTION_FIELDS = ["name", "description", "link"];
const CRITERION_FIELDS = ["name", "description"];

/** Which rows the server numbered: the errors say "criteria.2.name" counting only non-blank rows. */
type Submitted = { customOptions: string[]; criteria: string[] };
const numbered = (rows: (OptionRow | CriterionRow)[], fields: string[]) =>
  rows.filter((r) => !isBlank(r as unknown as Record<string, string>, fields)).map((r) => r.key);

// --- Deadlines: the form shows local wall-clock time, the server gets it plus the offset. ---

const pad = (n: number) => String(n).padStart(2, "0");

/** A datetime-local value written at `fromOffset` (minutes east of UTC) → the instant it means. */
function instantOf(local: string, fromOffset: number): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return null;
  const utc = Date.parse(`${local.slice(0, 16)}:00Z`);
  return Number.isNaN(utc) ? null : new Date(utc - fromOffset * 60_000);
}

/** The instant as this browser's wall-clock time, for a datetime-local input. */
function toBrowserLocal(instant: Date): string {
  const d = instant;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Minutes east of UTC, as the schema reads them (it subtracts the offset from the wall-clock
 * time): -getTimezoneOffset(), taken at the deadline itself so a date past a daylight-saving
 * change is read in the offset it will have then.
 */
function browserOffset(local?: string): number {
  const at = local && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local) ? new Date(local.slice(0, 16)) : new Date();
  return -(Number.isNaN(at.getTime()) ? new Date() : at).getTimezoneOffset();
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// --- Rows echoed by the server when the form was posted without JavaScript. ---

function rowsFromValues<K extends string>(values: Record<string, string>, prefix: string, fields: K[]): Record<K, string>[] {
  const byIndex = new Map<number, Record<K, string>>();
  const pattern = new RegExp(`^${prefix}\\.(\\d+)\\.(\\w+)$`);
  for (const [key, value] of Object.entries(values)) {
    const match = pattern.exec(key);
    if (!match || !(fields as string[]).includes(match[2]!)) continue;
    const index = Number(match[1]);
    const row = byIndex.get(index) ?? (Object.fromEntries(fields.map((f) => [f, ""])) as Record<K, string>);
    row[match[2] as K] = value;
    byIndex.set(index, row);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

function startingPoint(initial: DecisionFormInitial, state: FormState) {
  const values = state.values;
  if (!values) return { ...initial, offset: 0 };
  return {
    title: values.title ?? initial.title,
    context: values.context ?? initial.context,
    // Repeated names come back as one value: without JavaScript only the last tick survives.
    frameworks: values.frameworks ? [values.frameworks] : [],
    customOptions: rowsFromValues(values, "customOptions", ["name", "description", "link"]),
    criteria: rowsFromValues(values, "criteria", ["name", "description"]),
    anonymous: values.anonymous === "on",
    weightingDeadline: values.weightingDeadline ?? "",
    scoringDeadline: values.scoringDeadline ?? "",
    offset: Number(values.timezoneOffset) || 0,
  };
}

export function DecisionForm({
  teamId,
  catalog,
  initial,
  edit,
  cancelHref,
}: {
  teamId: string;
  catalog: CatalogChoice[];
  initial: DecisionFormInitial;
  /** Editing a draft: the version it was read at, so a newer edit is never overwritten. */
  edit?: { decisionId: string; version: number };
  cancelHref: string;
}) {
  const [state, action] = useActionState(edit ? editDecisionAction : createDecisionAction, initialFormState);
  const [start] = useState(() => startingPoint(initial, state));
  // Keys of starting rows come from their position (the same on the server and in the browser);
  // rows added later get "new-N".
  const nextKey = useRef(0);
  const newKey = () => `new-${nextKey.current++}`;

  const [frameworks, setFrameworks] = useState<string[]>(start.frameworks);
  const [customOptions, setCustomOptions] = useState<OptionRow[]>(() => start.customOptions.map((o, i) => ({ key: `option-${i}`, ...o })));
  const [criteria, setCriteria] = useState<CriterionRow[]>(() => start.criteria.map((c, i) => ({ key: `criterion-${i}`, ...c })));
  const [anonymous, setAnonymous] = useState(start.anonymous);
  const [weightingDeadline, setWeightingDeadline] = useState(start.weightingDeadline);
  const [scoringDeadline, setScoringDeadline] = useState(start.scoringDeadline);
  // Known once in the browser; until then (and without JavaScript) deadlines are UTC, offset 0.
  const [zoneName, setZoneName] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const addOptionRef = useRef<HTMLButtonElement>(null);
  const addCriterionRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  // Once in the browser: show the deadlines in its time zone. Derived from the starting values,
  // so running twice (Strict Mode) converts once.
  useEffect(() => {
    const toLocal = (value: string) => {
      const instant = instantOf(value, start.offset);
      return instant ? toBrowserLocal(instant) : value;
    };
    setWeightingDeadline(toLocal(start.weightingDeadline));
    setScoringDeadline(toLocal(start.scoringDeadline));
    setZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone ?? null);
  }, [start]);

  // After a failed submit, take the person to the first thing to fix.
  useEffect(() => {
    if (state.ok || !state.fieldErrors) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-group-error]')?.focus();
  }, [state]);

  useEffect(() => {
    if (!focusKey) return;
    document.getElementById(`${id}-${focusKey}-name`)?.focus();
    setFocusKey(null);
  }, [focusKey, id]);

  const errors = state.fieldErrors ?? {};
  const numbering: Submitted = submitted ?? { customOptions: numbered(customOptions, OPTION_FIELDS), criteria: numbered(criteria, CRITERION_FIELDS) };
  const rowError = (group: keyof Submitted, key: string, field: string) => {
    const index = numbering[group].indexOf(key);
    return index < 0 ? undefined : errors[`${group}.${index}.${field}`];
  };
  const optionsError = errors.options ?? Object.entries(errors).find(([k]) => k.startsWith("frameworks"))?.[1];
  const handled = (key: string) =>
    ["title", "context", "options", "criteria", "anonymous", "weightingDeadline", "scoringDeadline"].includes(key) ||
    /^(frameworks|customOptions\.|criteria\.)/.test(key);
  const otherErrors = Object.entries(errors).filter(([key]) => !handled(key));

  const optionCount = frameworks.length + numbered(customOptions, OPTION_FIELDS).length;
  const offset = zoneName === null ? start.offset : browserOffset(weightingDeadline || scoringDeadline);

  const updateOption = (key: string, field: keyof Omit<OptionRow, "key">, value: string) =>
    setCustomOptions((rows) => rows.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  const updateCriterion = (key: string, field: keyof Omit<CriterionRow, "key">, value: string) =>
    setCriteria((rows) => rows.map((r) => (r.key === key ? { ...r, [field]: value } : r)));

  const groupErrorId = (name: string) => `${id}-${name}-error`;

  return (
    <ActionForm
      ref={formRef}
      action={action}
      // Before ActionForm submits: remember which rows the server will number, to place its errors.
      onSubmitCapture={() => setSubmitted({ customOptions: numbered(customOptions, OPTION_FIELDS), criteria: numbered(criteria, CRITERION_FIELDS) })}
      className="space-y-6"
      noValidate
    >
      <input type="hidden" name="teamId" value={teamId} />
      {edit ? (
        <>
          <input type="hidden" name="decisionId" value={edit.decisionId} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      ) : null}
      <input type="hidden" name="timezoneOffset" value={offset} />

      <Group legend="What is being decided">
        <div className="space-y-4">
          <Field
            label="Title"
            name="title"
            defaultValue={start.title}
            maxLength={LIMITS.title}
            placeholder="Backend framework for the billing service"
            hint="A short question or name the team will recognise in the decision log."
            state={state}
          />
          <TextAreaField
            label="Context"
            name="context"
            defaultValue={start.context}
            maxLength={LIMITS.context}
            rows={6}
            hint="Optional. The problem this decision answers, constraints and anything already ruled out. Plain text; line breaks are kept."
            error={errors.context}
          />
        </div>
      </Group>

      <Group
        legend="Options"
        description={`Shortlist at least two options to choose between, from the catalog or your own, and at most ${LIMITS.options}.`}
        error={optionsError}
        errorId={groupErrorId("options")}
      >
        {/* Counted in the browser only: without JavaScript the number would never change. */}
        <p role="status" className="mb-4 min-h-5 text-sm text-slate-600 dark:text-slate-400">
          {zoneName === null ? null : optionCount === 1 ? "1 option shortlisted." : `${optionCount} options shortlisted.`}
        </p>
        <fieldset>
          <legend className="mb-2 text-sm font-semibold">From the framework catalog</legend>
          <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {catalog.map((f) => {
              const checkboxId = `${id}-fw-${f.slug}`;
              const checked = frameworks.includes(f.slug);
              return (
                <li key={f.slug}>
                  <label
                    htmlFor={checkboxId}
                    className={cx(
                      "flex cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 text-sm",
                      checked
                        ? "border-brand-500 bg-brand-50 dark:border-brand-500 dark:bg-brand-700/20"
                        : "border-slate-200 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800",
                    )}
                  >
                    <input
                      id={checkboxId}
                      type="checkbox"
                      name="frameworks"
                      value={f.slug}
                      checked={checked}
                      aria-invalid={optionsError ? true : undefined}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setFrameworks((list) => (on ? [...list, f.slug] : list.filter((s) => s !== f.slug)));
                      }}
                      className="size-4 accent-brand-600"
                    />
                    <span className="font-medium">{f.name}</span>
                    <span className="ml-auto text-xs text-slate-600 dark:text-slate-300">{f.language}</span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>

        <fieldset className="mt-6">
          <legend className="mb-1 text-sm font-semibold">Custom options</legend>
          <p className={cx(hintText, "mb-3 mt-0")}>Something not in the catalog, such as keeping what you run today. A row left empty is ignored.</p>
          {customOptions.length === 0 ? <p className="mb-3 text-sm text-slate-500 dark:text-slate-400">No custom options.</p> : null}
          <ol className="space-y-3">
            {customOptions.map((row, index) => {
              const label = row.name.trim() ? `custom option ${row.name.trim()}` : `custom option ${index + 1}`;
              return (
                <EditableRow
                  key={row.key}
                  legend={`Custom option ${index + 1}`}
                  columns="sm:grid-cols-[1fr_1.5fr_1fr_auto]"
                  removeLabel={`Remove ${label}`}
                  onRemove={() => {
                    setCustomOptions((rows) => rows.filter((r) => r.key !== row.key));
                    addOptionRef.current?.focus();
                  }}
                >
                      <RowInput
                        id={`${id}-${row.key}-name`}
                        label="Name"
                        name={`customOptions.${index}.name`}
                        value={row.name}
                        maxLength={LIMITS.name}
                        onChange={(v) => updateOption(row.key, "name", v)}
                        error={rowError("customOptions", row.key, "name")}
                      />
                      <RowInput
                        id={`${id}-${row.key}-description`}
                        label="Description (optional)"
                        name={`customOptions.${index}.description`}
                        value={row.description}
                        maxLength={LIMITS.description}
                        onChange={(v) => updateOption(row.key, "description", v)}
                        error={rowError("customOptions", row.key, "description")}
                      />
                      <RowInput
                        id={`${id}-${row.key}-link`}
                        label="Link (optional)"
                        name={`customOptions.${index}.link`}
                        type="url"
                        placeholder="https://…"
                        value={row.link}
                        maxLength={LIMITS.link}
                        onChange={(v) => updateOption(row.key, "link", v)}
                        error={rowError("customOptions", row.key, "link")}
                      />
                </EditableRow>
              );
            })}
          </ol>
          <button
            ref={addOptionRef}
            type="button"
            className={buttonClass("secondary", "mt-3")}
            disabled={customOptions.length >= LIMITS.options}
            onClick={() => {
              const key = newKey();
              setCustomOptions((rows) => [...rows, { key, name: "", description: "", link: "" }]);
              setFocusKey(key);
            }}
          >
            Add custom option
          </button>
        </fieldset>
      </Group>

      <Group
        legend="Criteria"
        description={`What every option is weighed and scored against. Rename, remove or add criteria: at least one, at most ${LIMITS.criteria}, each with its own name.`}
        error={errors.criteria}
        errorId={groupErrorId("criteria")}
      >
        <ol className="space-y-3">
          {criteria.map((row, index) => {
            const label = row.name.trim() ? `criterion ${row.name.trim()}` : `criterion ${index + 1}`;
            return (
              <EditableRow
                key={row.key}
                legend={`Criterion ${index + 1}`}
                columns="sm:grid-cols-[1fr_2fr_auto]"
                removeLabel={`Remove ${label}`}
                onRemove={() => {
                  setCriteria((rows) => rows.filter((r) => r.key !== row.key));
                  addCriterionRef.current?.focus();
                }}
              >
                    <RowInput
                      id={`${id}-${row.key}-name`}
                      label="Name"
                      name={`criteria.${index}.name`}
                      value={row.name}
                      maxLength={LIMITS.name}
                      onChange={(v) => updateCriterion(row.key, "name", v)}
                      error={rowError("criteria", row.key, "name")}
                      describedBy={errors.criteria ? groupErrorId("criteria") : undefined}
                    />
                    <RowInput
                      id={`${id}-${row.key}-description`}
                      label="Description (optional)"
                      name={`criteria.${index}.description`}
                      value={row.description}
                      maxLength={LIMITS.description}
                      onChange={(v) => updateCriterion(row.key, "description", v)}
                      error={rowError("criteria", row.key, "description")}
                    />
              </EditableRow>
            );
          })}
        </ol>
        {criteria.length === 0 ? <p className="text-sm text-slate-500 dark:text-slate-400">No criteria: add at least one.</p> : null}
        <button
          ref={addCriterionRef}
          type="button"
          className={buttonClass("secondary", "mt-3")}
          disabled={criteria.length >= LIMITS.criteria}
          onClick={() => {
            const key = newKey();
            setCriteria((rows) => [...rows, { key, name: "", description: "" }]);
            setFocusKey(key);
          }}
        >
          Add criterion
        </button>
      </Group>

      <Group legend="How the team takes part">
        <div className="flex items-start gap-3">
          <input
            id={`${id}-anonymous`}
            type="checkbox"
            name="anonymous"
            checked={anonymous}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
            aria-describedby={cx(`${id}-anonymous-hint`, errors.anonymous && `${id}-anonymous-error`)}
            aria-invalid={errors.anonymous ? true : undefined}
            className="mt-1 size-4 accent-brand-600"
          />
          <div>
            <label htmlFor={`${id}-anonymous`} className="text-sm font-medium">
              Anonymous decision
            </label>
            <p id={`${id}-anonymous-hint`} className="text-sm text-slate-600 dark:text-slate-400">
              Weights and scores are shown only in aggregate, never per person.
            </p>
            {errors.anonymous ? (
              <p id={`${id}-anonymous-error`} className={errorText}>
                {errors.anonymous}
              </p>
            ) : null}
          </div>
        </div>

        <fieldset className="mt-6">
          <legend className="text-sm font-semibold">Deadlines (optional)</legend>
          <p id={`${id}-deadline-hint`} className={cx(hintText, "mb-3")}>
            When a deadline passes, that phase closes by itself; without one, the facilitator closes it. Times are in{" "}
            {zoneName ? `your time zone (${zoneName}, ${formatOffset(offset)})` : "UTC"}.
          </p>
          <div className="grid gap-4 sm:grid-cols-2">
            <DeadlineInput
              id={`${id}-weighting`}
              label="Weighting closes"
              clearLabel="weighting deadline"
              name="weightingDeadline"
              value={weightingDeadline}
              onChange={setWeightingDeadline}
              hintId={`${id}-deadline-hint`}
              error={errors.weightingDeadline}
            />
            <DeadlineInput
              id={`${id}-scoring`}
              label="Scoring closes"
              clearLabel="scoring deadline"
              name="scoringDeadline"
              value={scoringDeadline}
              onChange={setScoringDeadline}
              hintId={`${id}-deadline-hint`}
              error={errors.scoringDeadline}
            />
          </div>
        </fieldset>
      </Group>

      <div className="space-y-3">
        <FormMessage state={state} />
        {otherErrors.length > 0 ? (
          <ul className="list-disc pl-5 text-sm text-red-700 dark:text-red-300">
            {otherErrors.map(([key, message]) => (
              <li key={key}>{message}</li>
            ))}
          </ul>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pendingLabel={edit ? "Saving…" : "Creating…"}>{edit ? "Save changes" : "Create decision"}</SubmitButton>
          <Link href={cancelHref} className={buttonClass("secondary")}>
            Cancel
          </Link>
        </div>
      </div>
    </ActionForm>
  );
}

function Group({ legend, description, error, errorId, children }: { legend: string; description?: string; error?: string; errorId?: string; children: ReactNode }) {
  const descriptionId = useId();
  return (
    <fieldset
      aria-describedby={cx(description && descriptionId, error && errorId) || undefined}
      className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <legend className="float-left mb-1 w-full text-lg font-semibold">{legend}</legend>
      <div className="clear-both">
        {description ? (
          <p id={descriptionId} className="mb-4 text-sm text-slate-600 dark:text-slate-400">
            {description}
          </p>
        ) : null}
        {error ? (
          <p id={errorId} data-group-error tabIndex={-1} className="mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 focus:outline-none dark:bg-red-950 dark:text-red-200">
            {error}
          </p>
        ) : null}
        {children}
      </div>
    </fieldset>
  );
}


function RowInput({
  id,
  label,
  name,
  value,
  onChange,
  error,
  describedBy,
  ...input
}: { id: string; label: string; name: string; value: string; onChange: (value: string) => void; error?: string; describedBy?: string } & Omit<
  ComponentProps<"input">,
  "id" | "name" | "value" | "onChange"
>) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={cx(error && `${id}-error`, describedBy) || undefined}
        className={inputClass}
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} className={errorText}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** One removable row of a list (a custom option, a criterion): its fields, then a Remove button. */
function EditableRow({
  legend,
  columns,
  removeLabel,
  onRemove,
  children,
}: {
  legend: string;
  columns: string;
  removeLabel: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <li>
      <fieldset className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
        <legend className="px-1 text-xs font-medium text-slate-500 dark:text-slate-400">{legend}</legend>
        <div className={cx("grid gap-3 sm:items-start", columns)}>
          {children}
          <button type="button" aria-label={removeLabel} onClick={onRemove} className={buttonClass("danger", "sm:mt-6")}>
            Remove
          </button>
        </div>
      </fieldset>
    </li>
  );
}

function DeadlineInput({
  id,
  label,
  name,
  value,
  onChange,
  hintId,
  error,
  clearLabel,
}: {
  id: string;
  label: string;
  clearLabel: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hintId: string;
  error?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          name={name}
          type="datetime-local"
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={cx(error && `${id}-error`, hintId)}
          className={inputClass}
        />
        {value ? (
          <button type="button" className={buttonClass("secondary", "shrink-0")} onClick={() => onChange("")} aria-label={`Clear ${clearLabel}`}>
            Clear
          </button>
        ) : null}
      </div>
      {error ? (
        <p id={`${id}-error`} className={errorText}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
