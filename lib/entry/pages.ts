import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "../../db";
import type { DecisionPermission, Permission } from "../auth/roles";
import { type CurrentUser, currentUser, requireUser, sessionClaims } from "../auth/session";
import { ForbiddenError, NotFoundError } from "../errors";
import { type DecisionView, readDecision, readTeam, type TeamView } from "../services/access";
import { decisionOption } from "../services/pages/option-thread";
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

// One read per request and arguments, shared by a page and its title (generateMetadata).
const teamRead = cache(async <P extends Permission>(userId: string, teamId: string, permission: P) => readTeam(await getDb(), userId, teamId, permission));
const decisionRead = cache(async <P extends DecisionPermission>(userId: string, teamId: string, decisionId: string, permission: P) =>
  readDecision(await getDb(), userId, { teamId, decisionId }, permission),
);

export async function teamPage<P extends Permission>(teamId: string, permission: P, path: string): Promise<TeamView<P> & { user: CurrentUser }> {
  if (!id("team").safeParse(teamId).success) {
    await requireUser(path);
    notFound();
  }
  const { user, found } = await signedInRead(path, (userId) => teamRead(userId, teamId, permission));
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
  const { user, found } = await signedInRead(path, (userId) => decisionRead(userId, ref.teamId, ref.decisionId, permission));
  return { ...found, user };
}

/**
 * What a page's title names (the team's or the decision's own name), from the same read the page
 * makes, so a title costs no query. Null when nobody is signed in, the session has ended or the
 * read is refused: the page itself then sends to sign in or answers not found, and its title
 * names nothing of the team.
 */
async function readForTitle<T>(read: (userId: string) => Promise<T>): Promise<T | null> {
  const claims = await sessionClaims();
  if (!claims) return null;
  const [user, found] = await Promise.all([currentUser(), read(claims.userId).catch(() => null)]);
  return user?.id === claims.userId ? found : null;
}

/** A team page's title: the team's name, after the page's own part if it has one ("Decisions · <team>"). */
export async function teamPageMetadata(params: Promise<{ teamId: string }>, permission: Permission, part?: string): Promise<Metadata> {
  const { teamId } = await params;
  const found = id("team").safeParse(teamId).success ? await readForTitle((userId) => teamRead(userId, teamId, permission)) : null;
  const name = found?.teamName;
  return { title: name ? (part ? `${part} · ${name}` : name) : (part ?? "Team") };
}

/** The decision a title may name: null for malformed ids, as for anyone the read refuses. */
async function decisionForTitle({ teamId, decisionId }: { teamId: string; decisionId: string }, permission: DecisionPermission) {
  if (!id("team").safeParse(teamId).success || !id("decision").safeParse(decisionId).success) return null;
  return readForTitle((userId) => decisionRead(userId, teamId, decisionId, permission));
}

/**
 * A decision page's title: the decision's, after the page's own part if it has one ("Scores ·
 * <decision>"), for whoever the page itself would be shown to (`permission`, as its loader asks).
 */
export async function decisionPageMetadata(
  params: Promise<{ teamId: string; decisionId: string }>,
  part?: string,
  permission: DecisionPermission = "decision.view",
): Promise<Metadata> {
  const title = (await decisionForTitle(await params, permission))?.decision.title;
  return { title: title ? (part ? `${part} · ${title}` : title) : (part ?? "Decision") };
}

/** An option's discussion page: "Discussing <option> · <decision>", from the reads the page itself makes. */
export async function optionPageMetadata(params: Promise<{ teamId: string; decisionId: string; optionId: string }>): Promise<Metadata> {
  const { optionId, ...ref } = await params;
  const view = await decisionForTitle(ref, "decision.view");
  if (!view) return { title: "Option discussion" };
  const option = id("option").safeParse(optionId).success ? await decisionOption(view.db, view.decision.id, optionId) : null;
  return { title: `${option ? `Discussing ${option.name}` : "Option discussion"} · ${view.decision.title}` };
}
