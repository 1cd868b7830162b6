import "server-only";
import type { Db, Executor, Tx } from "../../db/client";
import { type DecisionLock, type DecisionRef, roleAndDecisionRow, sessionRoleAndDecisionRow } from "../../db/queries/decision-access";
import { type findSessionUser, liveSessionUser } from "../../db/queries/sessions";
import { memberRole, memberRoleAndTeamName } from "../../db/queries/teams";
import type { Decision } from "../../db/schema";
import { can, canOnDecision, type DecisionPermission, type Permission, refusalMessage, type Role } from "../auth/roles";
import { type DeadlineTransition, dueTransitions, withDeadlinesApplied } from "../domain/phases";
import { ForbiddenError, NotFoundError, SignedOutError } from "../errors";
import { recordDeadlineTransitions } from "./decision-change";

export type { DecisionLock, DecisionRef };

// The one place where a person's role is checked against what they ask to do. Use cases take a
// context that only these functions make, typed by the permission that was checked: a use case
// that needs "team.invite" cannot be handed a context checked for "team.view".

export const TEAM_NOT_FOUND = "That team does not exist, or you are not a member of it.";
export const DECISION_NOT_FOUND = "That decision does not exist in this team.";
export const SIGNED_OUT = "You are signed out, so nothing was saved. Sign in again in another tab, then save here once more.";

export type Actor = { userId: string; role: Role };

type Granted<P> = {
  /** The permission that was checked; exists only so that TypeScript tells contexts apart. */
  readonly granted: P;
};

type Scope<P> = Granted<P> & { teamId: string; actor: Actor; now: Date };
type OnDecision = {
  decision: Decision;
  /** Whether the actor may run the decision: its facilitator, or an owner or admin. */
  facilitates: boolean;
};

/** A member of a team, checked for P, inside a transaction. */
export type TeamContext<P extends Permission = Permission> = Scope<P> & { tx: Tx };

/** A decision of the team, locked, with passed deadlines recorded (or, under a share lock, applied), checked for P. */
export type DecisionContext<P extends DecisionPermission = DecisionPermission> = Scope<P> & OnDecision & { tx: Tx };

/** The same, for reading: no transaction and no lock; deadlines are applied to the row read, not written. */
export type TeamView<P extends Permission = Permission> = Scope<P> & { db: Db; teamName: string };
export type DecisionView<P extends DecisionPermission = DecisionPermission> = Scope<P> &
  OnDecision & {
    db: Db;
    /** Phase changes the deadlines have made that no write has recorded yet; the timeline shows them. */
    pendingTransitions: DeadlineTransition[];
    /** The decision's latest event when the page was read (0 if none): where its live updates start. */
    lastEventId: number;
  };

async function requireRole(db: Db | Tx, userId: string, teamId: string): Promise<Role> {
  const role = await memberRole(db, teamId, userId);
  // Non-members get the same answer as for a team that does not exist.
  if (!role) throw new NotFoundError(TEAM_NOT_FOUND);
  return role;
}

async function roleAndDecision(db: Executor, userId: string, ref: DecisionRef, lock?: DecisionLock) {
  const found = await roleAndDecisionRow(db, userId, ref, lock);
  // Non-members get the same answer as for a team that does not exist.
  if (!found) throw new NotFoundError(TEAM_NOT_FOUND);
  return found;
}

/**
 * roleAndDecision for a request that has only its cookie's claims, in the same one query: the
 * session and its user first, so a session that has ended is SignedOutError whatever else is
 * asked; then the role (TEAM_NOT_FOUND for a non-member, whose decision is neither read nor
 * locked) and the decision.
 */
async function sessionRoleAndDecision(db: Executor, session: { userId: string; sessionId: string }, ref: DecisionRef, lock: DecisionLock, now: Date) {
  const row = await sessionRoleAndDecisionRow(db, session, ref, lock);
  const user = await liveSessionUser(db, row, session.sessionId, now);
  if (!user || !row) throw new SignedOutError(SIGNED_OUT);
  if (!row.role) throw new NotFoundError(TEAM_NOT_FOUND);
  return { user, role: row.role, decision: row.decision, lastEventId: 0 };
}

function requireTeamPermission(role: Role, permission: Permission) {
  if (!can(role, permission)) throw new ForbiddenError(refusalMessage(permission));
}

function decisionAccess(role: Role, userId: string, decision: Decision, permission: DecisionPermission) {
  const isFacilitator = decision.facilitatorId === userId;
  if (!canOnDecision(role, isFacilitator, permission)) throw new ForbiddenError(refusalMessage(permission));
  return { facilitates: canOnDecision(role, isFacilitator, "decision.run") };
}

export async function readTeam<P extends Permission>(db: Db, userId: string, teamId: string, permission: P, now = new Date()): Promise<TeamView<P>> {
  const member = await memberRoleAndTeamName(db, teamId, userId);
  // Non-members get the same answer as for a team that does not exist.
  if (!member) throw new NotFoundError(TEAM_NOT_FOUND);
  requireTeamPermission(member.role, permission);
  return { db, teamId, teamName: member.teamName, actor: { userId, role: member.role }, now, granted: permission };
}

export async function inTeam<P extends Permission, R>(
  db: Db,
  userId: string,
  teamId: string,
  permission: P,
  work: (ctx: TeamContext<P>) => Promise<R>,
  now = new Date(),
): Promise<R> {
  return db.transaction(async (tx) => {
    const role = await requireRole(tx, userId, teamId);
    requireTeamPermission(role, permission);
    return work({ tx, teamId, actor: { userId, role }, now, granted: permission });
  });
}

export async function readDecision<P extends DecisionPermission>(
  db: Db,
  userId: string,
  ref: DecisionRef,
  permission: P,
  now = new Date(),
): Promise<DecisionView<P>> {
  const { role, decision: found, lastEventId } = await roleAndDecision(db, userId, ref);
  if (!found) throw new NotFoundError(DECISION_NOT_FOUND);
  const { facilitates } = decisionAccess(role, userId, found, permission);
  return {
    db,
    teamId: ref.teamId,
    actor: { userId, role },
    now,
    decision: withDeadlinesApplied(found, now),
    pendingTransitions: dueTransitions(found, now),
    lastEventId,
    facilitates,
    granted: permission,
  };
}

/**
 * Runs `work` in a transaction holding the decision's row lock. "update" (the default) serialises
 * changes to the decision and first records any phase change its deadlines made due; "share" lets
 * many members save their sheets at once while a phase change waits for them, and sees the phase
 * the deadlines make without recording it.
 */
export async function inDecision<P extends DecisionPermission, R>(
  db: Db,
  userId: string,
  ref: DecisionRef,
  permission: P,
  work: (ctx: DecisionContext<P>) => Promise<R>,
  options: { lock?: DecisionLock; now?: Date } = {},
): Promise<R> {
  return decisionTransaction(db, userId, ref, permission, (tx) => roleAndDecision(tx, userId, ref, options.lock ?? "update"), work, options);
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

/**
 * inDecision for a request that has only its cookie's claims: the session is read in the same
 * statement as the role and the decision, and SignedOutError ends the transaction when it is no
 * longer live.
 */
export async function inDecisionForSession<P extends DecisionPermission, R>(
  db: Db,
  session: { userId: string; sessionId: string },
  ref: DecisionRef,
  permission: P,
  work: (ctx: DecisionContext<P>, user: SessionUser) => Promise<R>,
  options: { lock?: DecisionLock; now?: Date } = {},
): Promise<R> {
  const now = options.now ?? new Date();
  let user: SessionUser | null = null;
  const access = async (tx: Tx) => {
    const found = await sessionRoleAndDecision(tx, session, ref, options.lock ?? "update", now);
    user = found.user;
    return found;
  };
  return decisionTransaction(db, session.userId, ref, permission, access, (ctx) => work(ctx, user!), { ...options, now });
}

async function decisionTransaction<P extends DecisionPermission, R>(
  db: Db,
  userId: string,
  ref: DecisionRef,
  permission: P,
  access: (tx: Tx) => ReturnType<typeof roleAndDecision>,
  work: (ctx: DecisionContext<P>) => Promise<R>,
  options: { lock?: DecisionLock; now?: Date },
): Promise<R> {
  const { lock = "update", now = new Date() } = options;
  return db.transaction(async (tx) => {
    const { role, decision: found } = await access(tx);
    if (!found) throw new NotFoundError(DECISION_NOT_FOUND);
    const { facilitates } = decisionAccess(role, userId, found, permission);
    const decision = lock === "update" ? await recordDeadlineTransitions(tx, found, now) : withDeadlinesApplied(found, now);
    return work({ tx, teamId: ref.teamId, actor: { userId, role }, now, decision, facilitates, granted: permission });
  });
}
