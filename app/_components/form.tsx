"use client";

import { type ComponentProps, createContext, type ReactNode, use, useId, useState, useTransition } from "react";
import { useFormStatus } from "react-dom";
import { BODY_TOO_LARGE_MESSAGE, exceedsActionBodyLimit } from "@/lib/http/body-limit";
import { CONFIRMED_FIELD, needsConfirmation } from "@/lib/validation/confirmation";
import type { FormState } from "@/lib/validation/form-data";
import { type ButtonVariant, buttonClass, cx, inputClass } from "./ui";

const PendingContext = createContext(false);
/** The form's confirmMessage, for FormMessage to ask when the form was sent before its script ran. */
const ConfirmContext = createContext<string | undefined>(undefined);

type ActionFormProps = Omit<ComponentProps<"form">, "action" | "onSubmit"> & {
  action: (formData: FormData) => void;
  /** Asked before submitting; the submission stops if the person declines. */
  confirmMessage?: string;
  /**
   * The form's own rules, checked in the browser before sending (the server checks the same rules
   * again): a problem is shown here and the first field it names gets the focus.
   */
  check?: (formData: FormData) => { message: string; fieldErrors: Record<string, string> } | null;
  /**
   * Fields whose empty value means the same as no field at all (an optional note on each cell of a
   * sheet): left out of what is sent, so a large sheet costs the server less to read.
   */
  omitWhenEmpty?: (name: string) => boolean;
  /**
   * With JavaScript, sends the checked fields this way instead of through `action` (a route that
   * is cheaper to answer than a server action); `action` stays what the form posts without it.
   */
  send?: (formData: FormData) => Promise<void>;
};

/**
 * A form for a server action that never clears what was typed: React resets a form after its
 * action runs, so with JavaScript we submit from onSubmit instead. Without JavaScript the plain
 * action still works, and the server echoes the values back. A form too large for the server is
 * not sent at all: the person is told here, with everything they typed still in place.
 */
export function ActionForm({ action, confirmMessage, check, omitWhenEmpty, send, children, ...props }: ActionFormProps) {
  const [pending, startTransition] = useTransition();
  const [tooLarge, setTooLarge] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <PendingContext value={pending}>
      <ConfirmContext value={confirmMessage}>
        <form
          {...props}
          action={action}
          onSubmit={(event) => {
            event.preventDefault();
            const submitter = (event.nativeEvent as SubmitEvent).submitter;
            // The question's own button (shown when the form was sent before the script ran) has asked already.
            const askedAlready = submitter?.getAttribute("name") === CONFIRMED_FIELD;
            if (pending || (confirmMessage && !askedAlready && !window.confirm(confirmMessage))) return;
            const formData = new FormData(event.currentTarget, submitter);
            if (confirmMessage) formData.set(CONFIRMED_FIELD, "1");
            const oversized = exceedsActionBodyLimit(formData);
            setTooLarge(oversized);
            if (oversized) return;
            const found = check?.(formData) ?? null;
            setProblem(found?.message ?? null);
            if (found) {
              const first = Object.keys(found.fieldErrors)[0];
              const field = first ? event.currentTarget.elements.namedItem(first) : null;
              if (field instanceof HTMLElement) field.focus();
              return;
            }
            if (omitWhenEmpty) {
              for (const [name, value] of [...formData.entries()]) if (value === "" && omitWhenEmpty(name)) formData.delete(name);
            }
            if (send) startTransition(() => send(formData));
            else startTransition(() => action(formData));
          }}
        >
          {tooLarge ? (
            <p role="alert" className="mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
              {BODY_TOO_LARGE_MESSAGE}
            </p>
          ) : null}
          {problem ? (
            <p role="alert" className="mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
              {problem}
            </p>
          ) : null}
          {children}
        </form>
      </ConfirmContext>
    </PendingContext>
  );
}

export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  className,
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  className?: string;
}) {
  const submitting = use(PendingContext);
  const { pending: plainPending } = useFormStatus();
  const pending = submitting || plainPending;
  // Not `disabled` while pending: a disabled button drops the keyboard's focus to the page's top,
  // and someone who pressed Save by keyboard would have to find their place again. A click or
  // Enter meanwhile is swallowed here instead (ActionForm also ignores a second submit).
  return (
    <button
      type="submit"
      aria-disabled={pending}
      onClick={(event) => {
        if (pending) event.preventDefault();
      }}
      className={cx(buttonClass(variant, className), pending && "cursor-wait opacity-75")}
    >
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

type Described = { id: string; label: string; hint?: string; error?: string; className?: string; children: (aria: ControlAria) => ReactNode };
type ControlAria = { id: string; "aria-invalid"?: true; "aria-describedby"?: string; className: string };

/** Label, hint and error around one control, wired together for screen readers. */
function Labelled({ id, label, hint, error, className, children }: Described) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": cx(error && `${id}-error`, hint && `${id}-hint`) || undefined,
        className: inputClass,
      })}
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

/** A labelled input that shows its own error and keeps what was typed after a failed submit. */
export function Field({ label, name, state, hint, defaultValue, className, ...input }: FieldProps) {
  const id = useId();
  const error = state?.fieldErrors?.[name];
  return (
    <Labelled id={id} label={label} hint={hint} error={error} className={className}>
      {(aria) => <input name={name} defaultValue={state?.values?.[name] ?? defaultValue} {...aria} {...input} />}
    </Labelled>
  );
}

type TextAreaFieldProps = { label: string; name: string; hint?: string; error?: string } & Omit<ComponentProps<"textarea">, "name">;

/** A labelled textarea with its hint and error. */
export function TextAreaField({ label, name, hint, error, className, ...props }: TextAreaFieldProps) {
  const id = useId();
  return (
    <Labelled id={id} label={label} hint={hint} error={error} className={className}>
      {(aria) => <textarea name={name} {...aria} {...props} />}
    </Labelled>
  );
}

type SelectFieldProps = { label: string; name: string; state?: FormState; hint?: string } & Omit<ComponentProps<"select">, "name">;

/** A labelled select that shows its own error and keeps the choice after a failed submit. */
export function SelectField({ label, name, state, hint, defaultValue, className, children, ...props }: SelectFieldProps) {
  const id = useId();
  return (
    <Labelled id={id} label={label} hint={hint} error={state?.fieldErrors?.[name]} className={className}>
      {(aria) => (
        <select name={name} defaultValue={state?.values?.[name] ?? defaultValue} {...aria} {...props}>
          {children}
        </select>
      )}
    </Labelled>
  );
}

export function FormMessage({ state }: { state: FormState }) {
  const question = use(ConfirmContext);
  if (question && needsConfirmation(state)) {
    return (
      <div role="alert" className="space-y-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
        <p>{question}</p>
        <button type="submit" name={CONFIRMED_FIELD} value="1" className={buttonClass("danger", "py-1.5")}>
          Yes, go ahead
        </button>
      </div>
    );
  }
  if (!state.message) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={cx(
        "rounded-lg px-3 py-2 text-sm",
        state.ok ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200" : "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200",
      )}
    >
      {state.message}
    </p>
  );
}

export const initialFormState: FormState = { ok: false };
