import "server-only";
import { getDb } from "../../db";
import type { Db } from "../../db/client";
import { findSessionUser } from "../../db/queries/sessions";
import type { DecisionPermission, Permission } from "../auth/roles";
import { type CurrentUser, currentUser } from "../auth/session";
import { ForbiddenError, NotFoundError } from "../errors";
import { errorResponse, textResponse } from "../exports/http";
import { type DecisionView, readDecision, readTeam, type TeamView } from "../services/access";
import { DECISION_NOT_FOUND, TEAM_NOT_FOUND } from "../services/access";
import { id } from "../validation/fields";

// The wrappers every route handler goes through. Each states who may call it. Not signed in: 401
// with `signInMessage`; a malformed id, a non-member or a decision of another team: 404, the
// same as for one that does not exist; a role without the permission: 403; the database down: 503.

/**
 * What a handler gets besides the request: the checked view, the person, and `stillAllowed`, the
 * same check made again (the session still live, the permission still held) for an answer that
 * lasts, like a live stream. It says false only for a refusal, never for a database hiccup.
 */
type Handler<V, Params> = (request: Request, view: V & { user: CurrentUser; stillAllowed: () => Promise<boolean> }, params: Params) => Promise<Response>;

/** Whether `user`'s session is still live and `check` (an access read) still passes. */
export async function accessHolds(db: Db, user: Pick<CurrentUser, "id" | "sessionId">, check: (db: Db) => Promise<unknown>): Promise<boolean> {
  try {
    if (!(await findSessionUser(db, user.sessionId, user.id))) return false;
    await check(db);
    return true;
  } catch (error) {
    return !(error instanceof NotFoundError || error instanceof ForbiddenError);
  }
}

async function signedIn(signInMessage: string): Promise<CurrentUser | Response> {
  try {
    return (await currentUser()) ?? textResponse(401, signInMessage);
  } catch (error) {
    return errorResponse(error);
  }
}

export function teamRoute<Params extends { teamId: string }, P extends Permission>(
  permission: P,
  signInMessage: string,
  handler: Handler<TeamView<P>, Params>,
) {
  return async (request: Request, { params }: { params: Promise<Params> }): Promise<Response> => {
    const values = await params;
    const user = await signedIn(signInMessage);
    if (user instanceof Response) return user;
    if (!id("team").safeParse(values.teamId).success) return textResponse(404, TEAM_NOT_FOUND);
    try {
      const db = await getDb();
      const view = await readTeam(db, user.id, values.teamId, permission);
      const stillAllowed = () => accessHolds(db, user, (again) => readTeam(again, user.id, values.teamId, permission));
      return await handler(request, { ...view, user, stillAllowed }, values);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function decisionRoute<Params extends { teamId: string; decisionId: string }, P extends DecisionPermission>(
  permission: P,
  signInMessage: string,
  handler: Handler<DecisionView<P>, Params>,
) {
  return async (request: Request, { params }: { params: Promise<Params> }): Promise<Response> => {
    const values = await params;
    const user = await signedIn(signInMessage);
    if (user instanceof Response) return user;
    if (!id("team").safeParse(values.teamId).success || !id("decision").safeParse(values.decisionId).success) {
      return textResponse(404, DECISION_NOT_FOUND);
    }
    try {
      const db = await getDb();
      const view = await readDecision(db, user.id, values, permission);
      const stillAllowed = () => accessHolds(db, user, (again) => readDecision(again, user.id, values, permission));
      return await handler(request, { ...view, user, stillAllowed }, values);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
