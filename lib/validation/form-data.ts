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
  const result = schema.safeParse(nestedFormData(formData));
  if (result.success) return { success: true, data: result.data };
  return {
    success: false,
    state: { ok: false, message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(result.error), values: formValues(formData) },
  };
}

type Nested = { [key: string]: Nested | Nested[] | string | string[] };

/**
 * Turns dotted field names into nested objects ("criteria.0.name" → { criteria: { 0: { name } } }),
 * so a zod schema can validate a whole sheet. Repeated names become arrays of strings.
 */
export function nestedFormData(formData: FormData): Record<string, unknown> {
  const root: Nested = {};
  for (const [key, raw] of formData.entries()) {
    if (typeof raw !== "string" || key.startsWith("$")) continue;
    const path = key.split(".");
    let node: Nested = root;
    for (const segment of path.slice(0, -1)) {
      const child = node[segment];
      if (typeof child !== "object" || Array.isArray(child)) node[segment] = {};
      node = node[segment] as Nested;
    }
    const leaf = path[path.length - 1]!;
    const existing = node[leaf];
    if (existing === undefined) node[leaf] = raw;
    else if (Array.isArray(existing)) (existing as string[]).push(raw);
    else if (typeof existing === "string") node[leaf] = [existing, raw];
  }
  return root;
}
