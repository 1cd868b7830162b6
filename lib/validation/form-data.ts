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

/**
 * What any form in the app may send. The largest real form (a 12 × 12 score sheet with a note and
 * a link per cell) has about 450 fields, names under 100 characters and 4 path segments.
 */
export const FORM_LIMITS = { fields: 1000, nameLength: 200, depth: 5 } as const;

/**
 * What a failed form sends back to the browser: enough to refill the largest form (the longest
 * field is a 5,000-character context), never an attacker's megabytes.
 */
export const ECHO_LIMITS = { fields: 300, valueLength: 5000, totalLength: 64_000 } as const;

// Segments that lead from a plain object to a shared prototype; no form of ours uses them.
const RESERVED_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

const TOO_MANY_FIELDS = "This form sent too many fields. Reload the page and try again.";
const BAD_FIELD_NAME = "This form sent a field name it cannot take. Reload the page and try again.";

// Passwords and webhook secrets are never echoed back into the page.
const isSecret = (name: string) => /password|secret/i.test(name);
const isFrameworkField = (name: string) => name.startsWith("$");

/**
 * The typed values to refill a form with: strings only, no passwords and no React internals,
 * each cut to a form field's largest size, and a bounded number of them.
 */
export function formValues(formData: FormData): Record<string, string> {
  const values = new Map<string, string>();
  let total = 0;
  for (const [key, raw] of formData.entries()) {
    if (typeof raw !== "string" || isFrameworkField(key) || isSecret(key)) continue;
    if (key.length > FORM_LIMITS.nameLength || RESERVED_SEGMENTS.has(key) || key.split(".").some((s) => RESERVED_SEGMENTS.has(s))) continue;
    if (!values.has(key) && values.size >= ECHO_LIMITS.fields) continue;
    const value = raw.slice(0, ECHO_LIMITS.valueLength);
    total += value.length - (values.get(key)?.length ?? 0);
    if (total > ECHO_LIMITS.totalLength) break;
    values.set(key, value);
  }
  return Object.fromEntries(values);
}

/** First message per field, keyed by the field's name. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors = new Map<string, string>();
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    // A record's error message is for a missing or malformed record; a bad key has its own.
    const message = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    if (!errors.has(key)) errors.set(key, message);
  }
  return Object.fromEntries(errors);
}

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): { success: true; data: z.infer<S> } | { success: false; state: FormState } {
  const read = nestedFormData(formData);
  if (!read.success) return { success: false, state: { ok: false, message: read.message, values: formValues(formData) } };
  const result = checkInput(schema, read.data);
  if (result.success) return { success: true, data: result.data };
  if (!result.fieldErrors) return { success: false, state: { ok: false, message: UNREADABLE_FORM, values: formValues(formData) } };
  return {
    success: false,
    state: { ok: false, message: "Please correct the highlighted fields.", fieldErrors: result.fieldErrors, values: formValues(formData) },
  };
}

const UNREADABLE_FORM = "This form could not be read. Nothing was saved; reload the page and try again.";

/**
 * A schema's answer for any input: the data, or the field errors. zod 4 itself can throw on some
 * inputs while it words a message (an object without a prototype where it expects text), so a
 * throw is an unreadable form (no field errors), never an exception.
 */
export function checkInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { success: true; data: z.infer<S> } | { success: false; fieldErrors: FieldErrors | null } {
  let result: ReturnType<S["safeParse"]>;
  try {
    result = schema.safeParse(input) as ReturnType<S["safeParse"]>;
  } catch {
    return { success: false, fieldErrors: null };
  }
  return result.success ? { success: true, data: result.data as z.infer<S> } : { success: false, fieldErrors: fieldErrorsOf(result.error) };
}

type Nested = { [key: string]: Nested | string | string[] };

/** An object with no prototype: no key of it, however named, can reach Object.prototype. */
const bare = (): Nested => Object.create(null) as Nested;

/**
 * Turns dotted field names into nested objects ("criteria.0.name" → { criteria: { 0: { name } } }),
 * so a zod schema can validate a whole sheet. Repeated names become arrays of strings. Names that
 * try to reach a prototype, and forms larger than any of ours, are refused as a whole.
 */
export function nestedFormData(formData: FormData): { success: true; data: Record<string, unknown> } | { success: false; message: string } {
  const root = bare();
  let count = 0;
  for (const [key, raw] of formData.entries()) {
    if (++count > FORM_LIMITS.fields) return { success: false, message: TOO_MANY_FIELDS };
    const path = key.split(".");
    // Checked before anything is skipped, so no name, a framework's or a file's, carries a prototype segment through.
    if (path.some((segment) => RESERVED_SEGMENTS.has(segment))) return { success: false, message: BAD_FIELD_NAME };
    if (typeof raw !== "string" || isFrameworkField(key)) continue;
    if (key.length > FORM_LIMITS.nameLength || path.length > FORM_LIMITS.depth) return { success: false, message: BAD_FIELD_NAME };
    let node = root;
    for (const segment of path.slice(0, -1)) {
      const child = node[segment];
      if (typeof child !== "object" || Array.isArray(child)) node[segment] = bare();
      node = node[segment] as Nested;
    }
    const leaf = path[path.length - 1]!;
    const existing = node[leaf];
    if (existing === undefined) node[leaf] = raw;
    else if (Array.isArray(existing)) existing.push(raw);
    else if (typeof existing === "string") node[leaf] = [existing, raw];
  }
  return { success: true, data: root };
}
