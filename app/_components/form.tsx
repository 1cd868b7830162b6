"use client";

import { type ReactNode, useId } from "react";
import { useFormStatus } from "react-dom";
import type { FormState } from "@/lib/validation/form-data";
import { type ButtonVariant, buttonClass, cx, inputClass } from "./ui";

export function SubmitButton({ children, pendingLabel, variant = "primary", className }: { children: ReactNode; pendingLabel?: string; variant?: ButtonVariant; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass(variant, className)}>
      {pending ? (pendingLabel ?? "Saving…") : children}
    </button>
  );
}

type FieldProps = {
  label: string;
  name: string;
  state?: FormState;
  hint?: string;
  defaultValue?: string;
} & Omit<React.ComponentProps<"input">, "name" | "defaultValue">;

/** A labelled input that shows its own error and keeps what was typed after a failed submit. */
export function Field({ label, name, state, hint, defaultValue, className, ...input }: FieldProps) {
  const id = useId();
  const error = state?.fieldErrors?.[name];
  const value = state?.values?.[name] ?? defaultValue;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={value}
        // Re-mount when the server echoes values back, so defaultValue applies again.
        key={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={cx(error && `${id}-error`, hint && `${id}-hint`) || undefined}
        className={inputClass}
        {...input}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={cx(
        "rounded-lg px-3 py-2 text-sm",
        state.ok
          ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
          : "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200",
      )}
    >
      {state.message}
    </p>
  );
}

export const initialFormState: FormState = { ok: false };
