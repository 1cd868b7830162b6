import "server-only";
import { getDb } from "../../db";
import type { DecisionPermission, Permission } from "../auth/roles";
import { type CurrentUser, currentUser } from "../auth/session";
import { errorResponse, textResponse } from "../exports/http";
import { type DecisionView, readDecision, readTeam, type TeamView } from "../services/access";
import { DECISION_NOT_FOUND, TEAM_NOT_FOUND } from "../services/access";
import { id } from "../validation/fields";

// The wrappers every route handler goes through. Each states who may call it. Not signed in: 401
// with `signInMessage`; a malformed id, a non-member or a decision of another team: 404, the
// same as for one that does not exist; a role without the permission: 403; the database down: 503.

type Handler<V, Params> = (request: Request, view: V & { user: CurrentUser }, params: Params) => Promise<Response>;

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
      const view = await readTeam(await getDb(), user.id, values.teamId, permission);
      return await handler(request, { ...view, user }, values);
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
      const view = await readDecision(await getDb(), user.id, values, permission);
      return await handler(request, { ...view, user }, values);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
