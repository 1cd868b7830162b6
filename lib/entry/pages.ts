import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "../../db";
import type { DecisionPermission, Permission } from "../auth/roles";
import { type CurrentUser, requireUser } from "../auth/session";
import { ForbiddenError, NotFoundError } from "../errors";
import { type DecisionView, readDecision, readTeam, type TeamView } from "../services/access";
import { id } from "../validation/fields";

// The loaders every team and decision page starts from. Each states who may see the page:
// someone not signed in is sent to sign in and back to `path`; a malformed id, a non-member or
// a member whose role lacks `permission` gets the not-found page, so nothing about the team leaks.
// Reads only: passed deadlines are applied to what is shown, never written during a GET.

function pageRefusal(error: unknown): never {
  if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
  throw error;
}

export async function teamPage<P extends Permission>(teamId: string, permission: P, path: string): Promise<TeamView<P> & { user: CurrentUser }> {
  const user = await requireUser(path);
  if (!id("team").safeParse(teamId).success) notFound();
  const view = await readTeam(await getDb(), user.id, teamId, permission).catch(pageRefusal);
  return { ...view, user };
}

export async function decisionPage<P extends DecisionPermission>(
  ref: { teamId: string; decisionId: string },
  permission: P,
  path: string,
): Promise<DecisionView<P> & { user: CurrentUser }> {
  const user = await requireUser(path);
  if (!id("team").safeParse(ref.teamId).success || !id("decision").safeParse(ref.decisionId).success) notFound();
  const view = await readDecision(await getDb(), user.id, ref, permission).catch(pageRefusal);
  return { ...view, user };
}
