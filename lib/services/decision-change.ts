import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { appendEvent, type TeamEventType } from "../../db/queries/events";
import { decisions, type Decision } from "../../db/schema";
import { dueTransitions } from "../domain/phases";
import { ConflictError } from "../errors";
import type { DecisionContext } from "./access";

type DecisionUpdate = Partial<Omit<typeof decisions.$inferInsert, "id" | "teamId" | "version">>;

/**
 * The one way a decision's own row changes: on the row the context has locked, check the phase
 * rule, apply the change, bump the version and append the event, all in the caller's transaction.
 * `refusal` says why the change may not happen now, or null when it may.
 */
export async function changeDecision(
  ctx: DecisionContext,
  change: { refusal: (decision: Decision) => string | null; set: DecisionUpdate; event: { type: TeamEventType; payload: Record<string, unknown> } },
): Promise<Decision> {
  const refusal = change.refusal(ctx.decision);
  if (refusal) throw new ConflictError(refusal);
  const [updated] = await ctx.tx
    .update(decisions)
    .set({ ...change.set, updatedAt: ctx.now, version: ctx.decision.version + 1 })
    .where(eq(decisions.id, ctx.decision.id))
    .returning();
  await appendEvent(ctx.tx, {
    at: ctx.now,
    teamId: ctx.teamId,
    decisionId: ctx.decision.id,
    actorId: ctx.actor.userId,
    type: change.event.type,
    payload: change.event.payload,
  });
  ctx.decision = updated!;
  return updated!;
}

/**
 * Records the phase changes the decision's deadlines have made due, on a row the caller has locked
 * for update, each dated at its deadline: the moment pages have shown it since.
 */
export async function recordDeadlineTransitions(tx: Tx, decision: Decision, now: Date): Promise<Decision> {
  const due = dueTransitions(decision, now);
  if (due.length === 0) return decision;
  const last = due[due.length - 1]!;
  const [updated] = await tx
    .update(decisions)
    .set({
      status: last.to,
      updatedAt: now,
      version: sql`${decisions.version} + 1`,
      ...(last.to === "revealed" ? { revealedAt: last.deadline } : {}),
    })
    .where(eq(decisions.id, decision.id))
    .returning();
  for (const step of due) {
    await appendEvent(tx, {
      at: step.deadline,
      teamId: decision.teamId,
      decisionId: decision.id,
      actorId: null,
      type: "decision.phase_changed",
      payload: { from: step.from, to: step.to, reason: "deadline", deadline: step.deadline.toISOString() },
    });
  }
  return updated!;
}
