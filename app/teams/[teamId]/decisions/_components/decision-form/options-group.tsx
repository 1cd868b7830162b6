"use client";

import { type Dispatch, type SetStateAction, useRef } from "react";
import { buttonClass, cx } from "@/app/_components/ui";
import { LIMITS } from "@/lib/validation/decision";
import { EditableRow, Group, hintText, RowInput } from "./form-parts";
import type { CatalogChoice, OPTION_FIELDS } from "./starting-point";
import type { EditableRows } from "./use-editable-rows";

type OptionField = (typeof OPTION_FIELDS)[number];

/** The shortlist: frameworks ticked from the catalog plus the team's own options. */
export function OptionsGroup({
  id,
  catalog,
  frameworks,
  setFrameworks,
  customOptions,
  optionCount,
  showCount,
  error,
  errorId,
  rowError,
}: {
  id: string;
  catalog: CatalogChoice[];
  frameworks: string[];
  setFrameworks: Dispatch<SetStateAction<string[]>>;
  customOptions: EditableRows<OptionField>;
  optionCount: number;
  /** Counted in the browser only: without JavaScript the number would never change. */
  showCount: boolean;
  error?: string;
  errorId: string;
  rowError: (key: string, field: OptionField) => string | undefined;
}) {
  const addOptionRef = useRef<HTMLButtonElement>(null);
  return (
    <Group
      legend="Options"
      description={`Shortlist at least two options to choose between, from the catalog or your own, and at most ${LIMITS.options}.`}
      error={error}
      errorId={errorId}
    >
      <p role="status" className="mb-4 min-h-5 text-sm text-slate-600 dark:text-slate-400">
        {!showCount ? null : optionCount === 1 ? "1 option shortlisted." : `${optionCount} options shortlisted.`}
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
                    aria-invalid={error ? true : undefined}
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
        {customOptions.rows.length === 0 ? <p className="mb-3 text-sm text-slate-500 dark:text-slate-400">No custom options.</p> : null}
        <ol className="space-y-3">
          {customOptions.rows.map((row, index) => {
            const label = row.name.trim() ? `custom option ${row.name.trim()}` : `custom option ${index + 1}`;
            return (
              <EditableRow
                key={row.key}
                legend={`Custom option ${index + 1}`}
                columns="sm:grid-cols-[1fr_1.5fr_1fr_auto]"
                removeLabel={`Remove ${label}`}
                onRemove={() => {
                  customOptions.remove(row.key);
                  addOptionRef.current?.focus();
                }}
              >
                <RowInput
                  id={`${id}-${row.key}-name`}
                  label="Name"
                  name={`customOptions.${index}.name`}
                  value={row.name}
                  maxLength={LIMITS.name}
                  onChange={(v) => customOptions.update(row.key, "name", v)}
                  error={rowError(row.key, "name")}
                />
                <RowInput
                  id={`${id}-${row.key}-description`}
                  label="Description (optional)"
                  name={`customOptions.${index}.description`}
                  value={row.description}
                  maxLength={LIMITS.description}
                  onChange={(v) => customOptions.update(row.key, "description", v)}
                  error={rowError(row.key, "description")}
                />
                <RowInput
                  id={`${id}-${row.key}-link`}
                  label="Link (optional)"
                  name={`customOptions.${index}.link`}
                  type="url"
                  placeholder="https://…"
                  value={row.link}
                  maxLength={LIMITS.link}
                  onChange={(v) => customOptions.update(row.key, "link", v)}
                  error={rowError(row.key, "link")}
                />
              </EditableRow>
            );
          })}
        </ol>
        <button
          ref={addOptionRef}
          type="button"
          className={buttonClass("secondary", "mt-3")}
          disabled={customOptions.rows.length >= LIMITS.options}
          onClick={customOptions.add}
        >
          Add custom option
        </button>
      </fieldset>
    </Group>
  );
}
