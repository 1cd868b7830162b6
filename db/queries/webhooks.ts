import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { decisions, eventCursors, events, teams, users, webhookAttempts, webhookDeliveries, webhooks } from "../schema";

// The team's webhooks, their deliveries and the log of attempts; every read is scoped by team.

export type NewWebhook = { id: string; teamId: string; url: string; format: string; eventTypes: string[]; secretSealed: string; createdBy: string };

export async function countWebhooks(db: Executor, teamId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(webhooks).where(eq(webhooks.teamId, teamId));
  return row?.n ?? 0;
}

export async function insertWebhook(db: Executor, webhook: NewWebhook): Promise<void> {
  await db.insert(webhooks).values(webhook);
}

/** The team's webhooks, oldest first, without their secrets. */
export async function listWebhooks(db: Executor, teamId: string) {
  return db
    .select({
      id: webhooks.id,
      url: webhooks.url,
      format: webhooks.format,
      eventTypes: webhooks.eventTypes,
      enabled: webhooks.enabled,
      createdAt: webhooks.createdAt,
    })
    .from(webhooks)
    .where(eq(webhooks.teamId, teamId))
    .orderBy(webhooks.createdAt, webhooks.id);
}

export async function setWebhookEnabled(db: Executor, teamId: string, webhookId: string, enabled: boolean): Promise<boolean> {
  const rows = await db
    .update(webhooks)
    .set({ enabled })
    .where(and(eq(webhooks.id, webhookId), eq(webhooks.teamId, teamId)))
    .returning({ id: webhooks.id });
  return rows.length > 0;
}

/** Deletes the webhook (its deliveries and log go with it) and its outbox cursor. */
export async function deleteWebhook(db: Executor, teamId: string, webhookId: string, cursorName: string): Promise<boolean> {
  const rows = await db
    .delete(webhooks)
    .where(and(eq(webhooks.id, webhookId), eq(webhooks.teamId, teamId)))
    .returning({ id: webhooks.id });
  if (rows.length === 0) return false;
  await db.delete(eventCursors).where(eq(eventCursors.name, cursorName));
  return true;
}

/** Every webhook, for the outbox step: which team's events of which types it wants. */
export async function webhooksToStep(db: Executor) {
  return db.select({ id: webhooks.id, teamId: webhooks.teamId, eventTypes: webhooks.eventTypes, enabled: webhooks.enabled }).from(webhooks);
}

export type NewDelivery = { webhookId: string; teamId: string; eventId: number | null; eventType: string };

/** Queues deliveries; one already queued for the same webhook and event is left as it is. Returns the ids made now. */
export async function insertDeliveries(db: Executor, list: readonly NewDelivery[]): Promise<number[]> {
  if (list.length === 0) return [];
  const rows = await db
    .insert(webhookDeliveries)
    .values([...list])
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  return rows.map((row) => Number(row.id));
}

/** A delivery with what its request is made of: the webhook, and the event with its names (none for a test). */
export async function deliveryToSend(db: Executor, deliveryId: number) {
  const [row] = await db
    .select({
      id: webhookDeliveries.id,
      teamId: webhookDeliveries.teamId,
      eventId: webhookDeliveries.eventId,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      createdAt: webhookDeliveries.createdAt,
      webhook: { id: webhooks.id, url: webhooks.url, format: webhooks.format, secretSealed: webhooks.secretSealed, enabled: webhooks.enabled },
      teamName: teams.name,
      event: { payload: events.payload, createdAt: events.createdAt, decisionId: events.decisionId },
      decisionTitle: decisions.title,
      actorName: users.name,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .innerJoin(teams, eq(teams.id, webhookDeliveries.teamId))
    .leftJoin(events, and(eq(events.id, webhookDeliveries.eventId), eq(events.teamId, webhookDeliveries.teamId)))
    .leftJoin(decisions, and(eq(decisions.id, events.decisionId), eq(decisions.teamId, webhookDeliveries.teamId)))
    .leftJoin(users, eq(users.id, events.actorId))
    .where(eq(webhookDeliveries.id, deliveryId));
  return row ?? null;
}

export type AttemptRecord = {
  deliveryId: number;
  teamId: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** Null when no further attempt will be made. */
  nextAttemptAt: Date | null;
  status: "pending" | "delivered" | "failed";
};

/** Logs an attempt and brings its delivery's state up to date. */
export async function recordAttempt(db: Executor, record: AttemptRecord): Promise<void> {
  await db.insert(webhookAttempts).values({
    deliveryId: record.deliveryId,
    teamId: record.teamId,
    attempt: record.attempt,
    statusCode: record.statusCode,
    error: record.error?.slice(0, 500) ?? null,
    durationMs: record.durationMs,
    nextAttemptAt: record.nextAttemptAt,
  });
  await db
    .update(webhookDeliveries)
    .set({ status: record.status, attempts: sql`greatest(${webhookDeliveries.attempts}, ${record.attempt})` })
    .where(eq(webhookDeliveries.id, record.deliveryId));
}

/** The team's latest attempts, newest first, with the webhook and event each was for. */
export async function listAttempts(db: Executor, teamId: string, limit: number) {
  const rows = await db
    .select({
      id: webhookAttempts.id,
      at: webhookAttempts.at,
      attempt: webhookAttempts.attempt,
      statusCode: webhookAttempts.statusCode,
      error: webhookAttempts.error,
      durationMs: webhookAttempts.durationMs,
      nextAttemptAt: webhookAttempts.nextAttemptAt,
      eventType: webhookDeliveries.eventType,
      eventId: webhookDeliveries.eventId,
      webhookUrl: webhooks.url,
    })
    .from(webhookAttempts)
    .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(and(eq(webhookAttempts.teamId, teamId), eq(webhooks.teamId, teamId)))
    .orderBy(desc(webhookAttempts.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, id: Number(row.id), eventId: row.eventId === null ? null : Number(row.eventId) }));
}
