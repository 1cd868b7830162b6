import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor, Tx } from "../client";
import { ballots, events, scores, weights } from "../schema";
import type { SheetKind } from "./ballots";
import type { TeamEventType } from "./events";
import { rowsOf } from "./rows";

// Taking sheets back: a member's own, or everyone's weights when a decision goes back to draft.
// The history keeps every event; only the values and the "has submitted" rows go.

/** The members who have given weights on the decision. */
export async function weightBallots(db: Executor, decisionId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: ballots.userId })
    .from(ballots)
    .where(and(eq(ballots.decisionId, decisionId), eq(ballots.kind, "weights")))
    .orderBy(ballots.userId);
  return rows.map((r) => r.userId);
}

/** Sets every member's weights aside: the values and the ballot rows that count them as submitted, in one statement. */
export async function setAsideWeights(tx: Tx, decisionId: string) {
  await tx.execute(sql`
    with values_gone as (delete from ${weights} where decision_id = ${decisionId})
    delete from ${ballots} where decision_id = ${decisionId} and kind = 'weights'`);
}

/**
 * Whether going back to draft set the member's weights aside and they have not weighted since:
 * what their notice says. A condition to select, so a page can read it with what it reads already.
 */
export function weightsSetAsideSql(ref: { teamId: string; decisionId: string; userId: string }) {
  return sql<boolean>`exists (
    select 1 from ${events} back
    where back.team_id = ${ref.teamId} and back.decision_id = ${ref.decisionId} and back.type = 'decision.returned_to_draft'
      and back.payload -> 'members' @> jsonb_build_array(${ref.userId}::text)
      and not exists (
        select 1 from ${events} since
        where since.decision_id = back.decision_id and since.id > back.id and since.actor_id = ${ref.userId} and since.type = 'weights.submitted'))`;
}

/** The same, read on its own (the weights page). */
export async function weightsSetAside(db: Executor, ref: { teamId: string; decisionId: string; userId: string }): Promise<boolean> {
  const [row] = await rowsOf<{ set_aside: boolean }>(db, sql`select ${weightsSetAsideSql(ref)} as set_aside`);
  return row?.set_aside === true;
}

type Sheet = { teamId: string; decisionId: string; userId: string; kind: SheetKind; round: number };

/**
 * Deletes the member's ballot row of the sheet; tells whether there was one. It must be the
 * withdrawal's first write and a statement of its own: the row's lock orders it with the member's
 * saves, so the statements after it see what a save before it committed (see ballotUpsert in ./ballots.ts).
 */
export async function deleteBallot(tx: Tx, sheet: Sheet): Promise<boolean> {
  const rows = await tx
    .delete(ballots)
    .where(and(eq(ballots.decisionId, sheet.decisionId), eq(ballots.userId, sheet.userId), eq(ballots.kind, sheet.kind), eq(ballots.round, sheet.round)))
    .returning({ userId: ballots.userId });
  return rows.length > 0;
}

/** Deletes the values of the member's sheet and appends the event that says so, with nothing of what it held, in one statement. */
export async function deleteSheetValues(tx: Tx, sheet: Sheet, now: Date) {
  const { teamId, decisionId, userId, kind, round } = sheet;
  const type: TeamEventType = `${kind}.withdrawn`;
  const values =
    kind === "weights"
      ? sql`delete from ${weights} where decision_id = ${decisionId} and user_id = ${userId}`
      : sql`delete from ${scores} where decision_id = ${decisionId} and round = ${round} and user_id = ${userId}`;
  await tx.execute(sql`
    with values_gone as (${values})
    insert into ${events} (team_id, decision_id, actor_id, type, payload, created_at)
    values (${teamId}::uuid, ${decisionId}::uuid, ${userId}::uuid, ${type}::text, '{}'::jsonb, ${now.toISOString()}::timestamptz)`);
}
