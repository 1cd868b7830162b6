import "server-only";
import { eq } from "drizzle-orm";
import { afterFailure, type ThrottleRecord } from "../../lib/domain/sign-in-throttle";
import type { Db, Executor } from "../client";
import { signInThrottle } from "../schema";

export async function readThrottle(db: Executor, email: string): Promise<ThrottleRecord | null> {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.email, email)).limit(1);
  return row ?? null;
}

/** Counted in a locked row, so failures from many app servers at once all count. */
export async function recordFailure(db: Db, email: string, now = new Date()): Promise<ThrottleRecord> {
  return db.transaction(async (tx) => {
    await tx.insert(signInThrottle).values({ email, failures: 0, lastFailureAt: now }).onConflictDoNothing();
    const [current] = await tx.select().from(signInThrottle).where(eq(signInThrottle.email, email)).for("update");
    const next = afterFailure(current ?? null, now);
    await tx.update(signInThrottle).set(next).where(eq(signInThrottle.email, email));
    return next;
  });
}

export async function clearFailures(db: Executor, email: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.email, email));
}
