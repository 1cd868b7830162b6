import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ballots, decisions, events, invites, memberships, outcomes, scores, weights } from "../../db/schema";

// Direct reads of what a query left behind, independent of the app's own read queries.

export async function roleOf(db: Db, teamId: string, userId: string) {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

export async function membershipsOf(db: Db, teamId: string) {
  const rows = await db.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.teamId, teamId));
  return rows.sort((a, b) => a.userId.localeCompare(b.userId));
}

export async function eventsOf(db: Db, teamId: string) {
  return db.select().from(events).where(eq(events.teamId, teamId)).orderBy(asc(events.id));
}

export async function inviteRow(db: Db, inviteId: string) {
  const [row] = await db.select().from(invites).where(eq(invites.id, inviteId));
  if (!row) throw new Error(`invite ${inviteId} not found`);
  return row;
}

/** Team state that a refused mutation must leave untouched. */
export async function teamSnapshot(db: Db, teamId: string) {
  const [members, log] = await Promise.all([membershipsOf(db, teamId), eventsOf(db, teamId)]);
  return { members, eventIds: log.map((e) => e.id) };
}

/** The database's own error under drizzle's "Failed query" wrapper. */
export function databaseError(error: unknown): { code?: string; message: string } {
  let e: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return { code, message: (e as Error).message };
    const cause = (e as { cause?: unknown } | null)?.cause;
    if (!cause) break;
    e = cause;
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject, but it resolved");
}

/** db.execute returns an array on postgres.js and { rows } on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

// Decision workflow: rows read straight from the tables.

export async function decisionRow(db: Db, decisionId: string) {
  const [row] = await db.select().from(decisions).where(eq(decisions.id, decisionId));
  if (!row) throw new Error(`decision ${decisionId} not found`);
  return row;
}

export async function eventsOfDecision(db: Db, decisionId: string) {
  return db.select().from(events).where(eq(events.decisionId, decisionId)).orderBy(asc(events.id));
}

export async function weightsOf(db: Db, decisionId: string, userId?: string) {
  const rows = await db
    .select()
    .from(weights)
    .where(userId ? and(eq(weights.decisionId, decisionId), eq(weights.userId, userId)) : eq(weights.decisionId, decisionId));
  return rows.sort((a, b) => a.userId.localeCompare(b.userId) || a.criterionId.localeCompare(b.criterionId));
}

export async function scoresOf(db: Db, decisionId: string, userId?: string) {
  const rows = await db
    .select()
    .from(scores)
    .where(userId ? and(eq(scores.decisionId, decisionId), eq(scores.userId, userId)) : eq(scores.decisionId, decisionId));
  return rows.sort((a, b) => a.userId.localeCompare(b.userId) || a.optionId.localeCompare(b.optionId) || a.criterionId.localeCompare(b.criterionId));
}

export async function ballotsRows(db: Db, decisionId: string) {
  const rows = await db.select().from(ballots).where(eq(ballots.decisionId, decisionId));
  return rows.sort((a, b) => a.userId.localeCompare(b.userId) || a.kind.localeCompare(b.kind));
}

/** Everything about one decision that a refused action must leave untouched. */
export async function decisionState(db: Db, decisionId: string) {
  const [decision, log, weightRows, scoreRows, ballotRows, outcomeRows] = await Promise.all([
    decisionRow(db, decisionId),
    eventsOfDecision(db, decisionId),
    weightsOf(db, decisionId),
    scoresOf(db, decisionId),
    ballotsRows(db, decisionId),
    db.select().from(outcomes).where(eq(outcomes.decisionId, decisionId)),
  ]);
  return { decision, eventIds: log.map((e) => e.id), weights: weightRows, scores: scoreRows, ballots: ballotRows, outcomes: outcomeRows };
}
