import "server-only";
import type { Db } from "../../db/client";
import { decisionsPastDeadline, lockDecisionIfFree } from "../../db/queries/reminders";
import { dueTransitions } from "../domain/phases";
import { recordDeadlineTransitions } from "./decision-change";

/** `now` and the team (one team's decisions only) are for tests; a step handles at most `limit` decisions. */
export type ClockStepOptions = { now?: Date; limit?: number; teamId?: string };

/**
 * A worker step: records the phase changes that passed deadlines have made, for every decision
 * whose deadline passed, whether or not anyone opens its page, so the phase's notifications go
 * out on time. Each decision in its own transaction with its row locked (SKIP LOCKED: one that
 * another worker or a write holds is being moved on by them, or is left for the next step); the
 * transitions are read again from the locked row, so each is recorded once, dated at its deadline.
 * Returns how many decisions moved.
 */
export async function applyDueDeadlines(db: Db, options: ClockStepOptions = {}): Promise<number> {
  const { now = new Date(), limit = 100, teamId } = options;
  let moved = 0;
  for (const decisionId of await decisionsPastDeadline(db, now, { limit, teamId })) {
    const did = await db.transaction(async (tx) => {
      const decision = await lockDecisionIfFree(tx, decisionId);
      if (!decision || dueTransitions(decision, now).length === 0) return false;
      await recordDeadlineTransitions(tx, decision, now);
      return true;
    });
    if (did) moved += 1;
  }
  return moved;
}
