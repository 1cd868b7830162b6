import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Role } from "../../lib/domain/roles";
import type { Executor, Tx } from "../client";
import { type Decision, decisions } from "../schema";
import { WEIGHTS_ROUND } from "./ballots";
import { rowsOf } from "./rows";

// Reads for reminders and the deadline jobs. Reminders are events ("reminder.sent"), so what was
// sent, when and to whom is read from the append-only events table.

type Phase = "weighting" | "scoring";

const isoOrNull = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));

/** When the decision's facilitators last sent a reminder themselves, or null. */
export async function lastManualReminderAt(db: Executor, decisionId: string): Promise<Date | null> {
  const [row] = await rowsOf<{ at: string | Date }>(
    db,
    sql`select created_at as at from events
        where decision_id = ${decisionId} and type = 'reminder.sent' and payload ->> 'trigger' = 'manual'
        order by id desc limit 1`,
  );
  return row ? new Date(row.at) : null;
}

/**
 * What the reminder card shows, in one statement: the last reminder the facilitators sent (when,
 * and to how many) and how many voters, the viewer aside, have not given the phase's sheet.
 */
export async function reminderCard(
  db: Executor,
  ref: { teamId: string; decisionId: string; round: number; phase: Phase; viewerId: string },
  votingRoles: readonly Role[],
): Promise<{ last: { at: Date; count: number } | null; awaiting: number }> {
  const kind = ref.phase === "weighting" ? "weights" : "scores";
  const round = ref.phase === "weighting" ? WEIGHTS_ROUND : ref.round;
  const roles = sql.join(
    votingRoles.map((role) => sql`${role}`),
    sql`, `,
  );
  const [row] = await rowsOf<{ last_at: string | Date | null; last_count: number | null; awaiting: number }>(
    db,
    sql`
      with last as (
        select created_at, payload from events
        where decision_id = ${ref.decisionId} and type = 'reminder.sent' and payload ->> 'trigger' = 'manual'
        order by id desc limit 1
      )
      select
        (select created_at from last) as last_at,
        (select case when jsonb_typeof(payload -> 'recipients') = 'array' then jsonb_array_length(payload -> 'recipients') else 0 end from last)::int as last_count,
        (select count(*) from memberships m
          where m.team_id = ${ref.teamId} and m.role::text in (${roles}) and m.user_id <> ${ref.viewerId}
            and not exists (
              select 1 from ballots b
              where b.decision_id = ${ref.decisionId} and b.user_id = m.user_id and b.kind = ${kind} and b.round = ${round}))::int as awaiting`,
  );
  const at = isoOrNull(row?.last_at);
  return { last: at ? { at, count: Number(row?.last_count ?? 0) } : null, awaiting: Number(row?.awaiting ?? 0) };
}

/**
 * When the phase last opened (a phase change into it, or for scoring a new round), and which
 * automatic reminders have gone out for it since. Null `openedAt` when no event records the opening.
 */
export async function phaseReminders(db: Executor, decisionId: string, phase: Phase): Promise<{ openedAt: Date | null; sent: string[] }> {
  const [row] = await rowsOf<{ opened_at: string | Date | null; sent: string[] | null }>(
    db,
    sql`
      with opened as (
        select id, created_at from events
        where decision_id = ${decisionId}
          and ((type = 'decision.phase_changed' and payload ->> 'to' = ${phase}) or (${phase}::text = 'scoring' and type = 'decision.round_opened'))
        order by id desc limit 1
      )
      select
        (select created_at from opened) as opened_at,
        (select array_agg(distinct payload ->> 'trigger') from events
          where decision_id = ${decisionId} and type = 'reminder.sent' and payload ->> 'phase' = ${phase}
            and id > coalesce((select id from opened), 0)) as sent`,
  );
  return { openedAt: isoOrNull(row?.opened_at), sent: (row?.sent ?? []).filter((t) => typeof t === "string") };
}

/** Every team's decisions, or (tests) one team's. */
export type DecisionScan = { limit: number; teamId?: string };
const inTeam = (scan: DecisionScan) => (scan.teamId ? sql`and team_id = ${scan.teamId}` : sql``);

/** Decisions in weighting or scoring whose phase deadline falls within (now, now + horizon]: where a reminder may be due. */
export async function decisionsNearDeadline(db: Executor, now: Date, horizonMs: number, scan: DecisionScan): Promise<string[]> {
  const from = now.toISOString();
  const until = new Date(now.getTime() + horizonMs).toISOString();
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select id from decisions
        where ((status = 'weighting' and weighting_deadline > ${from}::timestamptz and weighting_deadline <= ${until}::timestamptz)
           or (status = 'scoring' and scoring_deadline > ${from}::timestamptz and scoring_deadline <= ${until}::timestamptz))
          ${inTeam(scan)}
        order by id limit ${scan.limit}`,
  );
  return rows.map((r) => r.id);
}

/** Decisions whose open phase's deadline has passed and that no write has moved on yet. */
export async function decisionsPastDeadline(db: Executor, now: Date, scan: DecisionScan): Promise<string[]> {
  const at = now.toISOString();
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select id from decisions
        where ((status = 'weighting' and weighting_deadline <= ${at}::timestamptz)
           or (status = 'scoring' and scoring_deadline <= ${at}::timestamptz))
          ${inTeam(scan)}
        order by id limit ${scan.limit}`,
  );
  return rows.map((r) => r.id);
}

/** Locks the decision row for this transaction, or null when another transaction holds it (or it is gone). */
export async function lockDecisionIfFree(tx: Tx, decisionId: string): Promise<Decision | null> {
  const [row] = await tx
    .select()
    .from(decisions)
    .where(and(eq(decisions.id, decisionId)))
    .for("update", { skipLocked: true });
  return row ?? null;
}
