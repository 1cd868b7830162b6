"use client";

import { useRef } from "react";
import { buttonClass } from "@/app/_components/ui";
import { LIMITS } from "@/lib/validation/decision";
import { EditableRow, Group, RowInput } from "./form-parts";
import type { CRITERION_FIELDS } from "./starting-point";
import type { EditableRows } from "./use-editable-rows";

type CriterionField = (typeof CRITERION_FIELDS)[number];

/** What every option is weighed and scored against. */
export function CriteriaGroup({
  id,
  criteria,
  error,
  errorId,
  rowError,
}: {
  id: string;
  criteria: EditableRows<CriterionField>;
  error?: string;
  errorId: string;
  rowError: (key: string, field: CriterionField) => string | undefined;
}) {
  const addCriterionRef = useRef<HTMLButtonElement>(null);
  return (
    <Group
      legend="Criteria"
      description={`What every option is weighed and scored against. Rename, remove or add criteria: at least one, at most ${LIMITS.criteria}, each with its own name.`}
      error={error}
      errorId={errorId}
    >
      <ol className="space-y-3">
        {criteria.rows.map((row, index) => {
          const label = row.name.trim() ? `criterion ${row.name.trim()}` : `criterion ${index + 1}`;
          return (
            <EditableRow
              key={row.key}
              legend={`Criterion ${index + 1}`}
              columns="sm:grid-cols-[1fr_2fr_auto]"
              removeLabel={`Remove ${label}`}
              onRemove={() => {
                criteria.remove(row.key);
                addCriterionRef.current?.focus();
              }}
            >
              <RowInput
                id={`${id}-${row.key}-name`}
                label="Name"
                name={`criteria.${index}.name`}
                value={row.name}
                maxLength={LIMITS.name}
                onChange={(v) => criteria.update(row.key, "name", v)}
                error={rowError(row.key, "name")}
                describedBy={error ? errorId : undefined}
              />
              <RowInput
                id={`${id}-${row.key}-description`}
                label="Description (optional)"
                name={`criteria.${index}.description`}
                value={row.description}
                maxLength={LIMITS.description}
                onChange={(v) => criteria.update(row.key, "description", v)}
                error={rowError(row.key, "description")}
              />
            </EditableRow>
          );
        })}
      </ol>
      {criteria.rows.length === 0 ? <p className="text-sm text-slate-500 dark:text-slate-400">No criteria: add at least one.</p> : null}
      <button
        ref={addCriterionRef}
        type="button"
        className={buttonClass("secondary", "mt-3")}
        disabled={criteria.rows.length >= LIMITS.criteria}
        onClick={criteria.add}
      >
        Add criterion
      </button>
    </Group>
  );
}
