import "server-only";
import type { Executor } from "@/db/client";
import { listDecisions } from "@/db/queries/decisions";
import { type DecisionStatus, effectiveStatus } from "@/lib/domain/phases";

/** Statuses a passed deadline moves decisions into or out of: filtered after the deadlines apply. */
const MOVED_BY_DEADLINES: ReadonlySet<DecisionStatus> = new Set(["weighting", "scoring", "revealed"]);

export type DecisionLogRow = Awaited<ReturnType<typeof listDecisions>>[number] & { effectiveStatus: DecisionStatus };

/** The team's decisions, newest first, each with its effective status; filtered by that status. */
export async function loadDecisionLog(
  db: Executor,
  teamId: string,
  filter: { status?: DecisionStatus; q?: string } = {},
  now = new Date(),
): Promise<DecisionLogRow[]> {
  const byDatabase = filter.status && !MOVED_BY_DEADLINES.has(filter.status);
  const rows = await listDecisions(db, teamId, { q: filter.q || undefined, status: byDatabase ? filter.status : undefined });
  return rows.map((row) => ({ ...row, effectiveStatus: effectiveStatus(row, now) })).filter((row) => !filter.status || row.effectiveStatus === filter.status);
}
