import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** What the user typed, echoed back so nothing is lost when the form re-renders. */
  values?: Record<string, string>;
  /** Anything else the form needs to show after success, such as a freshly made invite link. */
  data?: Record<string, string>;
};

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && key !== "password") values[key] = value;
  }
  return values;
}

/** First message per field, keyed by the field's name. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): { success: true; data: z.infer<S> } | { success: false; state: FormState } {
  const result = schema.safeParse(Object.fromEntries(formData.entries()));
  if (result.success) return { success: true, data: result.data };
  return {
    success: false,
    state: { ok: false, message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(result.error), values: formValues(formData) },
  };
}
