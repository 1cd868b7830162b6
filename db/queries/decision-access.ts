import "server-only";
import { and, eq, getTableColumns, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { compiledSelect } from "../compiled-select";
import type { Role } from "../../lib/domain/roles";
import { type Decision, decisions, events, memberships, sessions, users } from "../schema";
import { SESSION_USER_COLUMNS, type SessionUserRow } from "./sessions";

// The reads every decision page, action and sheet save starts with. They are compiled (built
// once, see compiledSelect) per kind of lock: their text never changes, only the ids do.

export type DecisionLock = "update" | "share";
export type DecisionRef = { teamId: string; decisionId: string };

const teamId = sql.placeholder("teamId");
const decisionId = sql.placeholder("decisionId");
const userId = sql.placeholder("userId");
const sessionId = sql.placeholder("sessionId");

const DECISION_COLUMNS = getTableColumns(decisions);

/**
 * The team's decision as a subquery to join laterally, locked when asked, with every column read
 * through it (null as a whole when no decision matched). `onlyIf`, a condition on the outer row,
 * keeps it from being read, or locked, for anyone else.
 */
function decisionSubquery(db: Executor, lock: DecisionLock | undefined, onlyIf?: SQL) {
  const query = db
    .select()
    .from(decisions)
    .where(and(eq(decisions.id, decisionId), eq(decisions.teamId, teamId), onlyIf))
    .limit(1);
  const decision = (lock ? query.for(lock) : query).as("decision");
  const columns = Object.fromEntries(Object.keys(DECISION_COLUMNS).map((key) => [key, decision[key as keyof Decision]])) as unknown as typeof DECISION_COLUMNS;
  return { decision, columns };
}

function roleAndDecisionQuery(lock: DecisionLock | undefined) {
  return compiledSelect((db) => {
    const { decision, columns } = decisionSubquery(db, lock);
    // Reads only: the decision's latest event, where a page's live updates start (the (decision, id) index).
    const onDecision = and(eq(events.decisionId, decisionId), eq(events.teamId, teamId));
    const lastEventId = lock ? sql<null>`null` : sql<string | number | null>`(select max(${events.id}) from ${events} where ${onDecision})`;
    return db
      .select({ role: memberships.role, decision: columns, lastEventId })
      .from(memberships)
      .leftJoinLateral(decision, sql`true`)
      .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)))
      .limit(1);
  });
}

function sessionRoleAndDecisionQuery(lock: DecisionLock) {
  return compiledSelect((db) => {
    const { decision, columns } = decisionSubquery(db, lock, isNotNull(memberships.role));
    return db
      .select({ ...SESSION_USER_COLUMNS, role: memberships.role, decision: columns })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(memberships, and(eq(memberships.teamId, teamId), eq(memberships.userId, sessions.userId)))
      .leftJoinLateral(decision, sql`true`)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
      .limit(1);
  });
}

const roleAndDecisionBy = {
  read: roleAndDecisionQuery(undefined),
  update: roleAndDecisionQuery("update"),
  share: roleAndDecisionQuery("share"),
};
const sessionRoleAndDecisionBy = { update: sessionRoleAndDecisionQuery("update"), share: sessionRoleAndDecisionQuery("share") };

/**
 * The person's role in the team and the team's decision, in one query: no row when the person is
 * not a member; a null decision when the team has no such decision. The lock, when asked for, is
 * taken on the decision row only, and only for a member (the lateral subquery runs per membership).
 * Without a lock (a page's read) it also gives the decision's latest event id, 0 when it has none.
 */
export async function roleAndDecisionRow(
  db: Executor,
  member: string,
  ref: DecisionRef,
  lock?: DecisionLock,
): Promise<{ role: Role; decision: Decision | null; lastEventId: number } | null> {
  const [row] = await roleAndDecisionBy[lock ?? "read"](db, { ...ref, userId: member });
  if (!row) return null;
  return { role: row.role, decision: row.decision as Decision | null, lastEventId: Number(row.lastEventId ?? 0) };
}

/**
 * roleAndDecisionRow for a request that has only its cookie's claims, in the same one query: no
 * row when the session is gone; otherwise the session and its user, the role (null for a
 * non-member, whose decision is neither read nor locked) and the decision.
 */
export async function sessionRoleAndDecisionRow(
  db: Executor,
  session: { userId: string; sessionId: string },
  ref: DecisionRef,
  lock: DecisionLock,
): Promise<(SessionUserRow & { role: Role | null; decision: Decision | null }) | undefined> {
  const [row] = await sessionRoleAndDecisionBy[lock](db, { ...ref, ...session });
  return row && { ...row, decision: row.decision as Decision | null };
}
