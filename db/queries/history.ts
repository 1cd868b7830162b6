import "server-only";
import { eq, sql } from "drizzle-orm";
import type { ChainLink } from "../../lib/domain/history-chain";
import type { Executor } from "../client";
import { events, historyChecks, historyHeads, teams } from "../schema";
import { rowsOf } from "./rows";

type LinkRow = {
  id: string | number;
  team_seq: string | number;
  team_id: string;
  decision_id: string | null;
  actor_id: string | null;
  type: string;
  created_micros: string;
  payload_text: string;
  prev_hash: string;
  hash: string;
  created_at: string | Date;
};

export type StoredLink = ChainLink & { createdAt: Date };

/** The next `limit` links of a team's chain after `afterSeq`, in order, as the chain hashes them. */
export async function chainLinks(db: Executor, teamId: string, afterSeq: number, limit: number): Promise<StoredLink[]> {
  const rows = await rowsOf<LinkRow>(
    db,
    sql`
    select id, team_seq, team_id, decision_id, actor_id, type,
      (extract(epoch from created_at) * 1000000)::bigint::text as created_micros, payload::text as payload_text,
      prev_hash, hash, created_at
    from ${events}
    where team_id = ${teamId} and team_seq > ${afterSeq}
    order by team_seq
    limit ${limit}`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    teamSeq: Number(row.team_seq),
    teamId: row.team_id,
    decisionId: row.decision_id,
    actorId: row.actor_id,
    type: row.type,
    createdMicros: row.created_micros,
    payloadText: row.payload_text,
    prevHash: row.prev_hash,
    hash: row.hash,
    createdAt: new Date(row.created_at),
  }));
}

export async function historyHead(db: Executor, teamId: string): Promise<{ seq: number; hash: string; eventId: number | null } | null> {
  const [row] = await db
    .select({ seq: historyHeads.seq, hash: historyHeads.hash, eventId: historyHeads.eventId })
    .from(historyHeads)
    .where(eq(historyHeads.teamId, teamId));
  return row ? { seq: Number(row.seq), hash: row.hash, eventId: row.eventId === null ? null : Number(row.eventId) } : null;
}

export async function allTeams(db: Executor): Promise<{ id: string; name: string }[]> {
  return db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(teams.createdAt);
}

/** Teams never checked, or whose chain grew since a check before `grownBefore`, or last checked before `staleBefore`. */
export async function teamsDueForCheck(db: Executor, due: { grownBefore: Date; staleBefore: Date }, limit: number): Promise<string[]> {
  const rows = await rowsOf<{ team_id: string }>(
    db,
    sql`
    select h.team_id from ${historyHeads} h
    left join ${historyChecks} c on c.team_id = h.team_id
    where c.team_id is null
      or (c.head_hash <> h.hash and c.checked_at < ${due.grownBefore.toISOString()}::timestamptz)
      or c.checked_at < ${due.staleBefore.toISOString()}::timestamptz
    order by c.checked_at nulls first
    limit ${limit}`,
  );
  return rows.map((row) => row.team_id);
}

export type HistoryCheck = typeof historyChecks.$inferSelect;

export async function saveHistoryCheck(db: Executor, check: HistoryCheck): Promise<void> {
  const { teamId, ...rest } = check;
  await db.insert(historyChecks).values(check).onConflictDoUpdate({ target: historyChecks.teamId, set: rest });
}

export async function historyCheckOf(db: Executor, teamId: string): Promise<HistoryCheck | null> {
  const [row] = await db.select().from(historyChecks).where(eq(historyChecks.teamId, teamId));
  return row ?? null;
}

/** The event a hash names, if any team's chain holds it: for checking a copy of a record. */
export async function eventWithHash(db: Executor, hash: string) {
  const [row] = await db
    .select({ id: events.id, teamId: events.teamId, teamSeq: events.teamSeq, createdAt: events.createdAt })
    .from(events)
    .where(eq(events.hash, hash))
    .limit(1);
  return row ?? null;
}
