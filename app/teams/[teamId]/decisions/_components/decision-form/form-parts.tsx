"use client";

import { type ComponentProps, type ReactNode, useId } from "react";
import { buttonClass, cx, inputClass } from "@/app/_components/ui";

const errorText = "mt-1 text-sm text-red-700 dark:text-red-300";
export const hintText = "mt-1 text-xs text-slate-500 dark:text-slate-400";

/** A field's error under it, with the id its input's aria-describedby names. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className={errorText}>
      {error}
    </p>
  ) : null;
}

export function Group({
  legend,
  description,
  error,
  errorId,
  children,
}: {
  legend: string;
  description?: string;
  error?: string;
  errorId?: string;
  children: ReactNode;
}) {
  const descriptionId = useId();
  return (
    <fieldset aria-describedby={cx(description && descriptionId, error && errorId) || undefined} className="card">
      <legend className="float-left mb-1 w-full text-lg font-semibold">{legend}</legend>
      <div className="clear-both">
        {description ? (
          <p id={descriptionId} className="mb-4 text-sm text-slate-600 dark:text-slate-400">
            {description}
          </p>
        ) : null}
        {error ? (
          <p
            id={errorId}
            data-group-error
            tabIndex={-1}
            className="mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 focus:outline-none dark:bg-red-950 dark:text-red-200"
          >
            {error}
          </p>
        ) : null}
        {children}
      </div>
    </fieldset>
  );
}

export function RowInput({
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
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** One removable row of a list (a custom option, a criterion): its fields, then a Remove button. */
export function EditableRow({
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

/** A deadline input's state: a datetime-local value, "" for none. */
export type Deadline = { value: string; onChange: (value: string) => void; error?: string };

/** The deadline that closes one phase: "Weighting closes", posted as weightingDeadline. */
export function DeadlineInput({
  id,
  phase,
  deadline: { value, onChange, error },
  hintId,
}: {
  id: string;
  phase: "weighting" | "scoring";
  deadline: Deadline;
  hintId: string;
}) {
  const label = `${phase.charAt(0).toUpperCase()}${phase.slice(1)} closes`;
  const clearLabel = `${phase} deadline`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          name={`${phase}Deadline`}
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
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}
