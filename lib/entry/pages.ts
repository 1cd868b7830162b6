import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "../../db";
import type { DecisionPermission, Permission } from "../auth/roles";
import { type CurrentUser, requireUser, sessionClaims } from "../auth/session";
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

/**
 * The signed-in person and what `read` finds for them, in one round trip instead of two: the
 * cookie already names the user, so the access read starts beside the session's, and its answer
 * counts only once the session is found live (someone signed out is sent to sign in, never told
 * whether the team exists). Only read, never written, and nothing reaches the page before both.
 */
async function signedInRead<T>(path: string, read: (userId: string) => Promise<T>): Promise<{ user: CurrentUser; found: T }> {
  const claims = await sessionClaims();
  const outcome = claims
    ? read(claims.userId).then(
        (found) => ({ found }),
        (error: unknown) => ({ error }),
      )
    : null;
  const user = await requireUser(path);
  const result = await outcome;
  // The session row's user is the cookie's (findSessionUser matches both), so this holds.
  if (!result || user.id !== claims?.userId) throw new Error("the session's user is not the cookie's");
  if ("error" in result) pageRefusal(result.error);
  return { user, found: result.found };
}

export async function teamPage<P extends Permission>(teamId: string, permission: P, path: string): Promise<TeamView<P> & { user: CurrentUser }> {
  if (!id("team").safeParse(teamId).success) {
    await requireUser(path);
    notFound();
  }
  const db = await getDb();
  const { user, found } = await signedInRead(path, (userId) => readTeam(db, userId, teamId, permission));
  return { ...found, user };
}

export async function decisionPage<P extends DecisionPermission>(
  ref: { teamId: string; decisionId: string },
  permission: P,
  path: string,
): Promise<DecisionView<P> & { user: CurrentUser }> {
  if (!id("team").safeParse(ref.teamId).success || !id("decision").safeParse(ref.decisionId).success) {
    await requireUser(path);
    notFound();
  }
  const db = await getDb();
  const { user, found } = await signedInRead(path, (userId) => readDecision(db, userId, ref, permission));
  return { ...found, user };
}
