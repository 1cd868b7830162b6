import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getDb } from "../../db";
import type { Db } from "../../db/client";
import { type CurrentUser, requireUser } from "../auth/session";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "../database-unavailable";
import { AppError } from "../errors";
import { type FormState, formValues, parseForm } from "../validation/form-data";

type Outcome = string | void | { message?: string; data?: Record<string, string> };
type Handler<T> = (ctx: { db: Db; user: CurrentUser; input: T }) => Promise<Outcome>;

export const GENERIC_FAILURE = "Something went wrong on our side. Nothing was saved; please try again.";

/**
 * Wraps a server action used by a form: authenticate, validate, then run the handler, which
 * authorizes through requireTeamRole and writes. Known errors become messages next to the form;
 * anything else is logged and shown as a generic failure, never raw.
 */
export function formAction<S extends z.ZodType>(schema: S, handler: Handler<z.infer<S>>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    let user: CurrentUser;
    try {
      user = await requireUser(); // reads the database, which may be down
    } catch (error) {
      unstable_rethrow(error); // the redirect to sign-in
      return failureState(error, formData);
    }
    const parsed = parseForm(schema, formData);
    if (!parsed.success) return parsed.state;
    try {
      const outcome = await handler({ db: await getDb(), user, input: parsed.data });
      if (typeof outcome === "object") return { ok: true, ...outcome };
      return { ok: true, message: outcome ?? undefined };
    } catch (error) {
      unstable_rethrow(error);
      return failureState(error, formData);
    }
  };
}

export function failureState(error: unknown, formData?: FormData): FormState {
  const values = formData ? formValues(formData) : undefined;
  if (error instanceof AppError) {
    return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
  }
  if (isDatabaseUnavailable(error)) {
    console.error("[action] database unavailable:", String(error instanceof Error && error.cause ? error.cause : error));
    return { ok: false, message: DATABASE_UNAVAILABLE_MESSAGE, values };
  }
  console.error("[action] unexpected failure", error);
  return { ok: false, message: GENERIC_FAILURE, values };
}
