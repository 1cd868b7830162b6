import "server-only";
import type { Db } from "../../db/client";
import { openDecisionsFor } from "../../db/queries/decisions";
import { VOTING_ROLES } from "../auth/roles";
import { partAwaited } from "../domain/phases";

export type AwaitedVote = { id: string; teamId: string; teamName: string; title: string; part: "weights" | "scores"; deadline: Date | null };

/** The decisions waiting for this person's weights or scores, soonest deadline first (in one team, or in all of theirs). */
export async function votesAwaited(db: Db, userId: string, options: { teamId?: string; now?: Date } = {}): Promise<AwaitedVote[]> {
  const now = options.now ?? new Date();
  const rows = await openDecisionsFor(db, userId, VOTING_ROLES, options.teamId);
  return rows.flatMap((row) => {
    const part = partAwaited(row, row, now);
    if (!part) return [];
    const deadline = part === "weights" ? row.weightingDeadline : row.scoringDeadline;
    return [{ id: row.id, teamId: row.teamId, teamName: row.teamName, title: row.title, part, deadline }];
  });
}
