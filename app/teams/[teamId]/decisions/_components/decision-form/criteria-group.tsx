"use client";

import { LIMITS } from "@/lib/validation/limits";
import { Group } from "./form-parts";
import { RowList } from "./row-list";
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
  return (
    <Group
      legend="Criteria"
      description={`What every option is weighed and scored against. Rename, remove or add criteria: at least one, at most ${LIMITS.criteria}, each with its own name.`}
      error={error}
      errorId={errorId}
    >
      <RowList
        id={id}
        rows={criteria}
        name="criteria"
        noun="criterion"
        columns="sm:grid-cols-[1fr_2fr_auto]"
        fields={[
          { field: "name", label: "Name", maxLength: LIMITS.name, describedBy: error ? errorId : undefined },
          { field: "description", label: "Description (optional)", maxLength: LIMITS.description },
        ]}
        rowError={rowError}
        empty={<p className="text-sm text-slate-500 dark:text-slate-400">No criteria: add at least one.</p>}
        max={LIMITS.criteria}
        addLabel="Add criterion"
      />
    </Group>
  );
}
