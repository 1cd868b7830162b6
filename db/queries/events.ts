import "server-only";
import { and, asc, desc, eq, gt, isNull, lt } from "drizzle-orm";
import { visibleEventPayload } from "../../lib/domain/event-payload";
import type { Executor } from "../client";
import { events, users } from "../schema";

export type TeamEventType =
  | "team.created"
  | "member.joined"
  | "member.role_changed"
  | "member.removed"
  | "member.left"
  | "invite.created"
  | "invite.revoked"
  | "invite.regenerated"
  | "decision.created"
  | "decision.edited"
  | "decision.phase_changed"
  | "decision.round_opened"
  | "decision.returned_to_draft"
  | "weights.submitted"
  | "weights.updated"
  | "scores.submitted"
  | "scores.updated"
  | "weights.withdrawn"
  | "scores.withdrawn"
  | "decision.decided"
  | "decision.superseded"
  | "decision.supersedes"
  | "decision.deprecated"
  | "outcome.amended"
  | "comment.added"
  | "comment.edited"
  | "comment.removed"
  | "reminder.sent"
  | "decision.review_date_set"
  | "decision.review_due"
  | "review.submitted"
  | "review.updated";

export type NewEvent = {
  teamId: string;
  actorId: string | null;
  type: TeamEventType;
  decisionId?: string | null;
  payload?: Record<string, unknown>;
  /** Defaults to the database's clock; set when the caller works with an explicit `now`. */
  at?: Date;
};

export async function appendEvent(db: Executor, event: NewEvent): Promise<void> {
  await db.insert(events).values({
    teamId: event.teamId,
    actorId: event.actorId,
    type: event.type,
    decisionId: event.decisionId ?? null,
    payload: event.payload ?? {},
    ...(event.at ? { createdAt: event.at } : {}),
  });
}

/** A decision's timeline, oldest first, scoped by team as well as decision. */
export async function listDecisionEvents(db: Executor, teamId: string, decisionId: string) {
  const rows = await db
    .select({ id: events.id, type: events.type, payload: events.payload, createdAt: events.createdAt, actorName: users.name })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(and(eq(events.teamId, teamId), eq(events.decisionId, decisionId)))
    .orderBy(asc(events.id));
  return rows.map((row) => ({ ...row, payload: visibleEventPayload(row.type, row.payload) }));
}

/**
 * The latest `limit` events of a decision's timeline before the event `before` (or the latest of
 * all), oldest first, and whether there are earlier ones: one query, however long the history.
 */
export async function listDecisionEventsBefore(db: Executor, teamId: string, decisionId: string, page: { before?: number; limit: number }) {
  const rows = await db
    .select({ id: events.id, type: events.type, payload: events.payload, createdAt: events.createdAt, actorName: users.name })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(and(eq(events.teamId, teamId), eq(events.decisionId, decisionId), page.before === undefined ? undefined : lt(events.id, page.before)))
    .orderBy(desc(events.id))
    .limit(page.limit + 1);
  const shown = rows.slice(0, page.limit).reverse();
  return { events: shown.map((row) => ({ ...row, payload: visibleEventPayload(row.type, row.payload) })), hasEarlier: rows.length > page.limit };
}

export async function listTeamEvents(db: Executor, teamId: string, limit = 20) {
  return (
    db
      .select({ id: events.id, type: events.type, payload: events.payload, createdAt: events.createdAt, actorName: users.name })
      .from(events)
      .leftJoin(users, eq(users.id, events.actorId))
      // Decision events live on each decision's timeline; the team feed shows team changes.
      .where(and(eq(events.teamId, teamId), isNull(events.decisionId)))
      .orderBy(desc(events.id))
      .limit(limit)
  );
}

/**
 * What a live page missed: the latest `limit` events after the event `after`, of one decision or
 * (decisionId null) of the whole team, oldest first, as id and type only (never a payload). One
 * query on the (decision, id) or (team, id) index.
 */
export async function listLiveEventsAfter(db: Executor, scope: { teamId: string; decisionId: string | null }, after: number, limit: number) {
  const rows = await db
    .select({ id: events.id, type: events.type })
    .from(events)
    .where(and(eq(events.teamId, scope.teamId), scope.decisionId === null ? undefined : eq(events.decisionId, scope.decisionId), gt(events.id, after)))
    .orderBy(desc(events.id))
    .limit(limit);
  return rows.reverse();
}
