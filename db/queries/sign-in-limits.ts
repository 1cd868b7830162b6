import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import {
  type AttemptDecision,
  decideAttempt,
  LIMIT_SCOPES,
  type LimitKeys,
  type LimitScope,
  SIGN_IN_LIMITS,
  type ThrottleRecord,
} from "../../lib/domain/sign-in-throttle";
import type { Db, Executor } from "../client";
import { signInLimits } from "../schema";

type Records = Record<LimitScope, ThrottleRecord | null>;

// Always the same order, so two attempts sharing some keys take their row locks in the same order.
const sortedScopes = (keys: LimitKeys) => [...LIMIT_SCOPES].sort((a, b) => (`${a} ${keys[a]}` < `${b} ${keys[b]}` ? -1 : 1));

const matches = (scope: LimitScope, key: string) => and(eq(signInLimits.scope, scope), eq(signInLimits.key, key));

async function readRecords(db: Executor, keys: LimitKeys, forUpdate: boolean): Promise<Records> {
  const query = db
    .select()
    .from(signInLimits)
    .where(or(...LIMIT_SCOPES.map((scope) => matches(scope, keys[scope]))))
    .orderBy(signInLimits.scope, signInLimits.key);
  const rows = forUpdate ? await query.for("update") : await query;
  const records: Records = { account: null, address: null, email: null };
  for (const row of rows) {
    const scope = row.scope as LimitScope;
    if (row.key === keys[scope]) records[scope] = { failures: row.failures, lastFailureAt: row.lastFailureAt, lockedUntil: row.lockedUntil };
  }
  return records;
}

/** The records as they stand, without claiming anything: for the message after a refusal. */
export async function readSignInLimits(db: Executor, keys: LimitKeys): Promise<Records> {
  return readRecords(db, keys, false);
}

/**
 * Decides an attempt and, if it is allowed, counts it against every limit before the password is
 * checked. The rows stay locked from the read to the write, so attempts in parallel, from any
 * number of app servers, are counted one after another and none of them sees a stale count.
 */
export async function claimSignInAttempt(db: Db, keys: LimitKeys, now = new Date()): Promise<AttemptDecision> {
  return db.transaction(async (tx) => {
    const scopes = sortedScopes(keys);
    await tx
      .insert(signInLimits)
      .values(scopes.map((scope) => ({ scope, key: keys[scope], failures: 0, lastFailureAt: now })))
      .onConflictDoNothing();
    const decision = decideAttempt(await readRecords(tx, keys, true), now);
    if (decision.kind === "allowed") {
      for (const scope of scopes) await tx.update(signInLimits).set(decision.claimed[scope]).where(matches(scope, keys[scope]));
    }
    return decision;
  });
}

/**
 * The password was right: the person's own streak at this address is wiped, and the claim no
 * longer counts against the address and email limits (other failures there still do).
 */
export async function releaseSignInAttempt(db: Db, keys: LimitKeys): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(signInLimits).where(matches("account", keys.account));
    for (const scope of ["address", "email"] as const) {
      const remaining = sql`greatest(${signInLimits.failures} - 1, 0)`;
      await tx
        .update(signInLimits)
        .set({
          failures: remaining,
          lockedUntil: sql`case when ${remaining} >= ${SIGN_IN_LIMITS[scope].lockAfterFailures} then ${signInLimits.lockedUntil} else null end`,
        })
        .where(matches(scope, keys[scope]));
    }
  });
}

/** Forgets records that no longer count, so the table holds only recent trouble. */
export async function pruneSignInLimits(db: Executor, now = new Date()): Promise<void> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60_000);
  await db.delete(signInLimits).where(and(lt(signInLimits.lastFailureAt, dayAgo), or(isNull(signInLimits.lockedUntil), lt(signInLimits.lockedUntil, now))));
}
