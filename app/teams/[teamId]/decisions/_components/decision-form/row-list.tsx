"use client";

import { type ReactNode, useRef } from "react";
import { buttonClass } from "@/app/_components/ui";
import { EditableRow, RowInput } from "./form-parts";
import type { EditableRows } from "./use-editable-rows";

/** One input of every row: `${name}.${index}.${field}` in the form, as the schema reads it. */
export type RowField<F extends string> = {
  field: F;
  label: string;
  maxLength: number;
  type?: "url";
  placeholder?: string;
  describedBy?: string;
};

/**
 * A numbered list of removable rows (custom options, criteria) with its Add button. Every row has
 * a name, which its Remove button is labelled by. Removing a row moves the focus to the Add button,
 * so it is not lost with the row.
 */
export function RowList<F extends string>({
  id,
  rows,
  name,
  noun,
  columns,
  fields,
  rowError,
  empty,
  max,
  addLabel,
}: {
  id: string;
  rows: EditableRows<F | "name">;
  /** The field name prefix the schema reads, such as "criteria". */
  name: string;
  /** What one row is, in lower case: "criterion" gives "Criterion 2" and "Remove criterion Speed". */
  noun: string;
  /** The row's grid columns: one per field, then the Remove button. */
  columns: string;
  fields: readonly RowField<F | "name">[];
  rowError: (key: string, field: F | "name") => string | undefined;
  /** Shown instead of the rows when there are none. */
  empty: ReactNode;
  max: number;
  addLabel: string;
}) {
  const addRef = useRef<HTMLButtonElement>(null);
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <>
      <ol className="space-y-3">
        {rows.rows.map((row, index) => (
          <EditableRow
            key={row.key}
            legend={`${Noun} ${index + 1}`}
            columns={columns}
            removeLabel={`Remove ${noun} ${row.name.trim() || index + 1}`}
            onRemove={() => {
              rows.remove(row.key);
              addRef.current?.focus();
            }}
          >
            {fields.map(({ field, ...input }) => (
              <RowInput
                key={field}
                id={`${id}-${row.key}-${field}`}
                name={`${name}.${index}.${field}`}
                value={row[field]}
                onChange={(v) => rows.update(row.key, field, v)}
                error={rowError(row.key, field)}
                {...input}
              />
            ))}
          </EditableRow>
        ))}
      </ol>
      {rows.rows.length === 0 ? empty : null}
      <button ref={addRef} type="button" className={buttonClass("secondary", "mt-3")} disabled={rows.rows.length >= max} onClick={rows.add}>
        {addLabel}
      </button>
    </>
  );
}
