import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getDb } from "../../db";
import type { Db } from "../../db/client";
import type { DecisionPermission, Permission } from "../auth/roles";
import { type CurrentUser, requireUser, SIGN_IN, sessionClaims } from "../auth/session";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "../database-unavailable";
import { AppError, SignedOutError } from "../errors";
import { type DecisionContext, type DecisionLock, inDecisionForSession, inTeam, type TeamContext } from "../services/access";
import { CONFIRMED_FIELD } from "../validation/confirmation";
import { type FormState, formValues, parseForm } from "../validation/form-data";

// The wrappers every server action goes through. Each states who may call it:
//   formAction(schema, handler)                       anyone signed in
//   teamAction(schema, "team.invite", handler)         a member of input.teamId with that permission
//   decisionAction(schema, "decision.run", handler)    the same for input.decisionId, with the decision locked
// The wrapper authenticates, validates, checks the permission in the same transaction as the
// handler's writes, and turns every failure into a message next to the form. With
// `{ confirm: true }` a step that cannot be undone runs only once confirmed: the browser's dialog
// confirms it, and a form sent before any script has run is answered with the question instead.

/** What a handler returns: a message, data for the form, and where to go once the change is committed. */
export type Outcome = string | void | { message?: string; data?: Record<string, string>; redirectTo?: string };

export const GENERIC_FAILURE = "Something went wrong on our side. Nothing was saved; please try again.";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** For steps that cannot be undone: run only once confirmed (see CONFIRMED_FIELD). */
type Confirmation = { confirm?: true };

/**
 * What a step that must be confirmed answers when it is not (the form asks, see FormMessage), or
 * null. Reads the confirmation field and takes it out of the form, so no schema ever sees it.
 */
function confirmationQuestion(options: Confirmation, formData: FormData): FormState | null {
  const confirmed = formData.get(CONFIRMED_FIELD) === "1";
  formData.delete(CONFIRMED_FIELD);
  return options.confirm && !confirmed ? { ok: false, data: { confirm: "1" }, values: formValues(formData) } : null;
}

function run<S extends z.ZodType>(schema: S, work: (user: CurrentUser, input: z.infer<S>, db: Db) => Promise<Outcome>, options: Confirmation = {}): Action {
  return async (_previous, formData) => {
    let user: CurrentUser;
    try {
      user = await requireUser(); // reads the database, which may be down
    } catch (error) {
      unstable_rethrow(error); // the redirect to sign-in
      return failureState(error, formData);
    }
    const question = confirmationQuestion(options, formData);
    const parsed = parseForm(schema, formData);
    if (!parsed.success) return parsed.state;
    if (question) return question;
    let outcome: Outcome;
    try {
      outcome = await work(user, parsed.data, await getDb());
    } catch (error) {
      unstable_rethrow(error);
      return failureState(error, formData);
    }
    return settled(outcome);
  };
}

/** The form's state once the handler's transaction has committed: a redirect thrown inside it would roll it back. */
function settled(outcome: Outcome): FormState {
  if (typeof outcome === "object" && outcome.redirectTo) redirect(outcome.redirectTo);
  if (typeof outcome === "object") return { ok: true, message: outcome.message, data: outcome.data };
  return { ok: true, message: outcome ?? undefined };
}

/** An action open to anyone signed in, about no team in particular (creating a team, accepting an invite). */
export function formAction<S extends z.ZodType>(schema: S, handler: (args: { db: Db; user: CurrentUser; input: z.infer<S> }) => Promise<Outcome>): Action {
  return run(schema, (user, input, db) => handler({ db, user, input }));
}

/** An action on a team (input.teamId), for members whose role has `permission`. */
export function teamAction<S extends z.ZodType<{ teamId: string }>, P extends Permission>(
  schema: S,
  permission: P,
  handler: (args: { ctx: TeamContext<P>; user: CurrentUser; input: z.infer<S> }) => Promise<Outcome>,
  options: Confirmation = {},
): Action {
  return run(schema, (user, input, db) => inTeam(db, user.id, input.teamId, permission, (ctx) => handler({ ctx, user, input })), options);
}

/**
 * An action on one decision (input.teamId, input.decisionId), for members allowed `permission` on
 * it. The decision is locked for update, or with `lock: "share"` for saves that may run side by side.
 */
export function decisionAction<S extends z.ZodType<{ teamId: string; decisionId: string }>, P extends DecisionPermission>(
  schema: S,
  permission: P,
  handler: (args: { ctx: DecisionContext<P>; user: CurrentUser; input: z.infer<S> }) => Promise<Outcome>,
  options: { lock?: DecisionLock } & Confirmation = {},
): Action {
  return async (_previous, formData) => {
    // The cookie alone says who; the session row is read in the transaction's first round trip.
    const claims = await sessionClaims();
    if (!claims) redirect(SIGN_IN);
    const question = confirmationQuestion(options, formData);
    const parsed = parseForm(schema, formData);
    if (!parsed.success) return parsed.state;
    if (question) return question;
    const input = parsed.data;
    let outcome: Outcome;
    try {
      outcome = await inDecisionForSession(await getDb(), claims, input, permission, (ctx, user) => handler({ ctx, user, input }), { lock: options.lock });
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof SignedOutError) redirect(SIGN_IN); // as requireUser does: nothing was written
      return failureState(error, formData);
    }
    return settled(outcome);
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
