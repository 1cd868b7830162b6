import "server-only";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { passwordResets, users } from "../schema";

// Password reset links, found by their token's hash. Whether one may still be used is decided
// here, in the statement that uses it, so two tabs cannot both use one link.

export async function createPasswordReset(
  db: Executor,
  reset: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date; requestedFrom: string },
): Promise<void> {
  await db.insert(passwordResets).values(reset);
}

/** How many links were sent since `since`, used or not: to the account, and at the asking address's request. */
export async function resetsSentSince(db: Executor, userId: string, requestedFrom: string, since: Date): Promise<{ toAccount: number; forAddress: number }> {
  const [row] = await db
    .select({
      toAccount: sql<number>`count(*) filter (where ${passwordResets.userId} = ${userId})::int`,
      forAddress: sql<number>`count(*) filter (where ${passwordResets.requestedFrom} = ${requestedFrom})::int`,
    })
    .from(passwordResets)
    .where(and(or(eq(passwordResets.userId, userId), eq(passwordResets.requestedFrom, requestedFrom)), gt(passwordResets.createdAt, since)));
  return { toAccount: row?.toAccount ?? 0, forAddress: row?.forAddress ?? 0 };
}

/** The account a usable link is for (unused, unexpired), or null. */
export async function findUsableReset(db: Executor, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ userId: users.id, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** Uses the link, if it is still usable: answers the account's id, or null. */
export async function useReset(db: Executor, tokenHash: string, now: Date): Promise<string | null> {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .returning({ userId: passwordResets.userId });
  return row?.userId ?? null;
}

/** Every link of the account not yet used stops working: its password has just changed. */
export async function retireResets(db: Executor, userId: string, now: Date): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}
