export type ThrottlePolicy = {
  /** Failures allowed at full speed. */
  freeFailures: number;
  /** Extra wait per failure beyond the free ones. */
  delayStepMs: number;
  maxDelayMs: number;
  /** Failures after which the email is refused for `lockMs`. */
  lockAfterFailures: number;
  lockMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
};

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  freeFailures: 2,
  delayStepMs: 500,
  maxDelayMs: 2_000,
  lockAfterFailures: 5,
  lockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
};

export type ThrottleRecord = { failures: number; lastFailureAt: Date; lockedUntil: Date | null };

export type ThrottleVerdict = { kind: "refused"; retryAt: Date } | { kind: "allowed"; delayMs: number };

/** Failures still counting at `now`: an old streak is forgotten once the window has passed. */
export function activeFailures(record: ThrottleRecord | null, now: Date, policy = DEFAULT_THROTTLE_POLICY): number {
  if (!record) return 0;
  return now.getTime() - record.lastFailureAt.getTime() > policy.windowMs ? 0 : record.failures;
}

/** What to do with a sign-in attempt, before the password is checked. */
export function throttleVerdict(record: ThrottleRecord | null, now: Date, policy = DEFAULT_THROTTLE_POLICY): ThrottleVerdict {
  if (record?.lockedUntil && record.lockedUntil.getTime() > now.getTime()) {
    return { kind: "refused", retryAt: record.lockedUntil };
  }
  const failures = record?.lockedUntil ? 0 : activeFailures(record, now, policy);
  const over = failures - policy.freeFailures;
  return { kind: "allowed", delayMs: over > 0 ? Math.min(over * policy.delayStepMs, policy.maxDelayMs) : 0 };
}

/** The record after one more failure. */
export function afterFailure(record: ThrottleRecord | null, now: Date, policy = DEFAULT_THROTTLE_POLICY): ThrottleRecord {
  const lockExpired = record?.lockedUntil != null && record.lockedUntil.getTime() <= now.getTime();
  const failures = (lockExpired ? 0 : activeFailures(record, now, policy)) + 1;
  const lockedUntil = failures >= policy.lockAfterFailures ? new Date(now.getTime() + policy.lockMs) : null;
  return { failures, lastFailureAt: now, lockedUntil };
}

export function minutesUntil(date: Date, now: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - now.getTime()) / 60_000));
}
