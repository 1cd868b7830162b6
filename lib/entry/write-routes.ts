import "server-only";
import type { z } from "zod";
import { getDb } from "../../db";
import type { DecisionPermission } from "../auth/roles";
import { type CurrentUser, sessionClaims } from "../auth/session";
import { isDatabaseUnavailable } from "../database-unavailable";
import { AppError, ForbiddenError, NotFoundError, SignedOutError } from "../errors";
import { readJsonObject } from "../http/json-request";
import { NON_PAGE_HEADERS } from "../http/security-headers";
import { type DecisionContext, type DecisionLock, DECISION_NOT_FOUND, inDecisionForSession, SIGNED_OUT } from "../services/access";
import { id } from "../validation/fields";
import { checkInput, type FormState } from "../validation/form-data";
import { failureState, type Outcome } from "./actions";

// Route handlers that write, for the browser's own script: the same checks as decisionAction
// (signed in, validated, the permission checked and the decision locked in the write's
// transaction), answered as JSON in the shape a form's state has, so a sheet shows either answer
// the same way. A sheet sends here when its script has loaded and posts its server action
// otherwise: the action is what works without JavaScript, and this is the cheaper path for the
// many saves a team makes at once (no action id to resolve, no router state, no multipart fields).

const PRIVATE = { ...NON_PAGE_HEADERS, "Cache-Control": "private, no-store" };

function answer(status: number, state: FormState): Response {
  return Response.json(state, { status, headers: PRIVATE });
}

/** The status a route answers for a failure; the wording is failureState's, the same an action shows. */
function failureStatus(error: unknown): number {
  if (error instanceof SignedOutError) return 401;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof AppError) return 409;
  if (isDatabaseUnavailable(error)) return 503;
  return 500;
}

function failure(error: unknown): Response {
  const { message, fieldErrors } = failureState(error); // also logs what is not the person's to fix
  return answer(failureStatus(error), { ok: false, message, fieldErrors });
}

type DecisionParams = { teamId: string; decisionId: string };

/**
 * A JSON write to one decision (the ids come from the URL, the rest from the body) for members
 * allowed `permission` on it, under the decision's lock. Answers 200 with the outcome, or 4xx/5xx
 * with a message (and field errors) and nothing written.
 */
export function decisionJsonRoute<S extends z.ZodType<DecisionParams>, P extends DecisionPermission>(
  schema: S,
  permission: P,
  handler: (args: { ctx: DecisionContext<P>; user: CurrentUser; input: z.infer<S> }) => Promise<Outcome>,
  options: { lock?: DecisionLock } = {},
) {
  return async (request: Request, { params }: { params: Promise<DecisionParams> }): Promise<Response> => {
    const { teamId, decisionId } = await params;
    const body = await readJsonObject(request);
    if (!body.ok) return answer(body.status, { ok: false, message: body.message });
    if (!id("team").safeParse(teamId).success || !id("decision").safeParse(decisionId).success) {
      return answer(404, { ok: false, message: DECISION_NOT_FOUND });
    }
    // The URL names the decision; ids in the body, if any, are overwritten rather than trusted.
    const parsed = checkInput(schema, { ...body.value, teamId, decisionId });
    if (!parsed.success) {
      const message = parsed.fieldErrors
        ? "Please correct the highlighted fields."
        : "This request could not be read. Nothing was saved; reload the page and try again.";
      return answer(422, { ok: false, message, fieldErrors: parsed.fieldErrors ?? undefined });
    }
    try {
      // The cookie alone says who; the session row is read in the transaction's first round trip.
      const claims = await sessionClaims();
      if (!claims) return answer(401, { ok: false, message: SIGNED_OUT });
      const db = await getDb();
      const ref = { teamId, decisionId };
      const outcome = await inDecisionForSession(db, claims, ref, permission, (ctx, user) => handler({ ctx, user, input: parsed.data }), options);
      if (typeof outcome === "object") return answer(200, { ok: true, message: outcome.message, data: outcome.data });
      return answer(200, { ok: true, message: outcome ?? undefined });
    } catch (error) {
      return failure(error);
    }
  };
}
