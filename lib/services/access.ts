import "server-only";
import type { Db, Tx } from "../../db/client";
import { findDecision } from "../../db/queries/decisions";
import { memberRole } from "../../db/queries/teams";
import type { Decision } from "../../db/schema";
import { can, canOnDecision, type DecisionPermission, type Permission, refusalMessage, type Role } from "../auth/roles";
import { type DeadlineTransition, dueTransitions, withDeadlinesApplied } from "../domain/phases";
import { ForbiddenError, NotFoundError } from "../errors";
import { recordDeadlineTransitions } from "./decision-change";

// The one place where a person's role is checked against what they ask to do. Use cases take a
// context that only these functions make, typed by the permission that was checked: a use case
// that needs "team.invite" cannot be handed a context checked for "team.view".

export const TEAM_NOT_FOUND = "That team does not exist, or you are not a member of it.";
export const DECISION_NOT_FOUND = "That decision does not exist in this team.";

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
export type TeamView<P extends Permission = Permission> = Scope<P> & { db: Db };
export type DecisionView<P extends DecisionPermission = DecisionPermission> = Scope<P> &
  OnDecision & {
    db: Db;
    /** Phase changes the deadlines have made that no write has recorded yet; the timeline shows them. */
    pendingTransitions: DeadlineTransition[];
  };

export type DecisionRef = { teamId: string; decisionId: string };

async function requireRole(db: Db | Tx, userId: string, teamId: string): Promise<Role> {
  const role = await memberRole(db, teamId, userId);
  // Non-members get the same answer as for a team that does not exist.
  if (!role) throw new NotFoundError(TEAM_NOT_FOUND);
  return role;
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
  const role = await requireRole(db, userId, teamId);
  requireTeamPermission(role, permission);
  return { db, teamId, actor: { userId, role }, now, granted: permission };
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
  const [role, found] = await Promise.all([requireRole(db, userId, ref.teamId), findDecision(db, ref.teamId, ref.decisionId)]);
  if (!found) throw new NotFoundError(DECISION_NOT_FOUND);
  const { facilitates } = decisionAccess(role, userId, found, permission);
  return {
    db,
    teamId: ref.teamId,
    actor: { userId, role },
    now,
    decision: withDeadlinesApplied(found, now),
    pendingTransitions: dueTransitions(found, now),
    facilitates,
    granted: permission,
  };
}

export type DecisionLock = "update" | "share";

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
  const { lock = "update", now = new Date() } = options;
  return db.transaction(async (tx) => {
    const role = await requireRole(tx, userId, ref.teamId);
    const found = await findDecision(tx, ref.teamId, ref.decisionId, lock);
    if (!found) throw new NotFoundError(DECISION_NOT_FOUND);
    const { facilitates } = decisionAccess(role, userId, found, permission);
    const decision = lock === "update" ? await recordDeadlineTransitions(tx, found, now) : withDeadlinesApplied(found, now);
    return work({ tx, teamId: ref.teamId, actor: { userId, role }, now, decision, facilitates, granted: permission });
  });
}
