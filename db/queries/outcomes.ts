import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { decisions, outcomeAmendments, outcomes } from "../schema";

/** The recorded outcome as stored; its snapshot is unparsed JSON (lib/services/outcomes.ts parses it). */
export async function findOutcomeRow(db: Executor, decisionId: string) {
  const [row] = await db.select().from(outcomes).where(eq(outcomes.decisionId, decisionId)).limit(1);
  return row ?? null;
}

export async function insertOutcome(db: Executor, outcome: typeof outcomes.$inferInsert) {
  await db.insert(outcomes).values(outcome);
}

export async function insertAmendment(db: Executor, amendment: typeof outcomeAmendments.$inferInsert): Promise<string> {
  const [row] = await db.insert(outcomeAmendments).values(amendment).returning({ id: outcomeAmendments.id });
  return row!.id;
}

/** What supersedes the decision, one step along the chain. */
export async function supersededBy(db: Executor, decisionId: string): Promise<string | null> {
  const [row] = await db.select({ next: decisions.supersededById }).from(decisions).where(eq(decisions.id, decisionId));
  return row?.next ?? null;
}
