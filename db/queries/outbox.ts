import "server-only";
import { eq, sql } from "drizzle-orm";
import type { OutboxEvent } from "../../lib/domain/notifications";
import type { Executor } from "../client";
import { eventCursors, events } from "../schema";
import { rowsOf } from "./rows";

// The events table read as an outbox, each reader with a named cursor. Readers go in the order
// (txid, id) and take an event only once its transaction is older than every transaction still
// running (the snapshot's xmin): from then on no event can appear before it. So nothing is skipped
// when ids commit out of order, and a rolled-back insert holds nobody up.

/** The last event a reader handled. */
export type CursorPosition = { txid: string; eventId: number };

export type OutboxRow = OutboxEvent & { txid: string };

/** Creates the cursor at the present if it is missing: its reader starts with the transactions still to end. */
export async function createCursor(db: Executor, name: string): Promise<void> {
  await db
    .insert(eventCursors)
    .values({ name, lastTxid: sql`pg_snapshot_xmin(pg_current_snapshot())`, lastEventId: 0 })
    .onConflictDoNothing();
}

/** Locks the named cursor for this transaction; null when another reader holds it, or it is missing. */
export async function lockCursor(db: Executor, name: string): Promise<CursorPosition | null> {
  const [row] = await db
    .select({ txid: eventCursors.lastTxid, eventId: eventCursors.lastEventId })
    .from(eventCursors)
    .where(eq(eventCursors.name, name))
    .for("update", { skipLocked: true });
  return row ? { txid: row.txid, eventId: Number(row.eventId) } : null;
}

export async function moveCursor(db: Executor, name: string, position: CursorPosition): Promise<void> {
  await db
    .update(eventCursors)
    .set({ lastTxid: sql`${position.txid}::xid8`, lastEventId: position.eventId, updatedAt: sql`now()` })
    .where(eq(eventCursors.name, name));
}

type EventRow = {
  id: string | number;
  txid: string;
  type: string;
  team_id: string;
  decision_id: string | null;
  actor_id: string | null;
  payload: Record<string, unknown>;
  settled: boolean;
};

/**
 * Up to `limit` events after the position, in order. `waiting`: some were read that belong to a
 * transaction not yet older than all running ones, so the reader should look again shortly.
 */
export async function eventsAfter(db: Executor, position: CursorPosition, limit: number): Promise<{ events: OutboxRow[]; waiting: boolean }> {
  const rows = await rowsOf<EventRow>(
    db,
    sql`
    select id, txid::text as txid, type, team_id, decision_id, actor_id, payload,
      txid < pg_snapshot_xmin(pg_current_snapshot()) as settled
    from ${events}
    where (txid, id) > (${position.txid}::xid8, ${position.eventId}::bigint)
    order by txid, id
    limit ${limit}`,
  );
  // In (txid, id) order the settled events come first: after the first unsettled one, none is settled.
  const settled = rows.filter((row) => row.settled);
  return {
    events: settled.map((row) => ({
      id: Number(row.id),
      txid: row.txid,
      type: row.type,
      teamId: row.team_id,
      decisionId: row.decision_id,
      actorId: row.actor_id,
      payload: row.payload,
    })),
    waiting: settled.length < rows.length,
  };
}
