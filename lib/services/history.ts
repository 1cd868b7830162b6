import "server-only";
import { createHash } from "node:crypto";
import type { Executor } from "../../db/client";
import { chainLinks, historyHead, type HistoryCheck, saveHistoryCheck, teamsDueForCheck } from "../../db/queries/history";
import { CHAIN_START, type ChainBreakReason, reachesHead, walkChain } from "../domain/history-chain";

// Checks a team's history chain in Node, not with the database's own hash function: a copy of the
// rows, or a database whose functions were replaced, is checked the same way.

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const BATCH = 2_000;
export const GROWN_CHAIN_RECHECK_MS = 15_000;

export type HistoryVerdict = {
  teamId: string;
  /** Events found intact from the first, and the time of the last of them. */
  intactCount: number;
  intactThrough: Date | null;
  headHash: string;
  broken: { eventId: number | null; at: Date | null; reason: ChainBreakReason } | null;
};

export async function verifyTeamHistory(db: Executor, teamId: string): Promise<HistoryVerdict> {
  const head = await historyHead(db, teamId);
  let at = CHAIN_START;
  let intactThrough: Date | null = null;
  for (;;) {
    const links = await chainLinks(db, teamId, at.seq, BATCH);
    const walk = walkChain(links, at, sha256);
    at = walk.at;
    if (walk.lastIntact) intactThrough = walk.lastIntact.createdAt;
    if (walk.broken) {
      const { link } = walk.broken;
      return {
        teamId,
        intactCount: at.count,
        intactThrough,
        headHash: head?.hash ?? "",
        broken: { eventId: link.id, at: link.createdAt, reason: walk.broken.reason },
      };
    }
    if (links.length < BATCH) break;
  }
  const broken = reachesHead(at, head) ? null : { eventId: head?.eventId ?? null, at: null, reason: "truncated" as const };
  return { teamId, intactCount: at.count, intactThrough, headHash: head?.hash ?? "", broken };
}

/**
 * Checks a few chains per step and keeps each verdict for the team page: a chain that grew, at most
 * every 15 seconds (a busy team's whole chain is read each time), and every chain at least hourly.
 */
export async function checkDueHistories(db: Executor, options: { now?: Date; limit?: number } = {}): Promise<HistoryVerdict[]> {
  const now = options.now ?? new Date();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const due = await teamsDueForCheck(db, { grownBefore: ago(GROWN_CHAIN_RECHECK_MS), staleBefore: ago(3_600_000) }, options.limit ?? 5);
  const verdicts: HistoryVerdict[] = [];
  for (const teamId of due) {
    const verdict = await verifyTeamHistory(db, teamId);
    await saveHistoryCheck(db, toCheck(verdict, now));
    verdicts.push(verdict);
  }
  return verdicts;
}

function toCheck(verdict: HistoryVerdict, now: Date): HistoryCheck {
  return {
    teamId: verdict.teamId,
    checkedAt: now,
    intactCount: verdict.intactCount,
    intactThrough: verdict.intactThrough,
    headHash: verdict.headHash,
    brokenEventId: verdict.broken?.eventId ?? null,
    brokenReason: verdict.broken?.reason ?? null,
  };
}
