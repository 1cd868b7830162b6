"use client";

import type { Dispatch, SetStateAction } from "react";
import { cx } from "@/app/_components/ui";
import { LIMITS } from "@/lib/validation/limits";
import { Group, hintText } from "./form-parts";
import { RowList } from "./row-list";
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
        <RowList
          id={id}
          rows={customOptions}
          name="customOptions"
          noun="custom option"
          columns="sm:grid-cols-[1fr_1.5fr_1fr_auto]"
          fields={[
            { field: "name", label: "Name", maxLength: LIMITS.name },
            { field: "description", label: "Description (optional)", maxLength: LIMITS.description },
            { field: "link", label: "Link (optional)", type: "url", placeholder: "https://…", maxLength: LIMITS.link },
          ]}
          rowError={rowError}
          empty={<p className="mb-3 text-sm text-slate-500 dark:text-slate-400">No custom options.</p>}
          max={LIMITS.options}
          addLabel="Add custom option"
        />
      </fieldset>
    </Group>
  );
}
