export type ThrottlePolicy = {
  /** Failures allowed at full speed. */
  freeFailures: number;
  /** Extra wait per failure beyond the free ones. */
  delayStepMs: number;
  maxDelayMs: number;
  /** Password checks after which the key is refused for `lockMs`. */
  lockAfterFailures: number;
  lockMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
};

const FIFTEEN_MINUTES = 15 * 60_000;

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  freeFailures: 2,
  delayStepMs: 500,
  maxDelayMs: 2_000,
  lockAfterFailures: 5,
  lockMs: FIFTEEN_MINUTES,
  windowMs: FIFTEEN_MINUTES,
};

/**
 * What one attempt is counted against:
 * - account: one email tried from one client address, the limit a person meets after typos;
 * - address: every email tried from one address, against one machine trying many accounts;
 * - email: one email tried from any address, against many machines guessing one password.
 * One address can spend at most the account limit on an email, far below the email limit, so
 * an attacker at one address cannot lock the owner out when the owner signs in from another.
 */
export const LIMIT_SCOPES = ["account", "address", "email"] as const;
export type LimitScope = (typeof LIMIT_SCOPES)[number];

const capOnly = (lockAfterFailures: number): ThrottlePolicy => ({
  freeFailures: lockAfterFailures,
  delayStepMs: 0,
  maxDelayMs: 0,
  lockAfterFailures,
  lockMs: FIFTEEN_MINUTES,
  windowMs: FIFTEEN_MINUTES,
});

export const SIGN_IN_LIMITS: Readonly<Record<LimitScope, ThrottlePolicy>> = {
  account: DEFAULT_THROTTLE_POLICY,
  address: capOnly(50),
  email: capOnly(50),
};

export type LimitKeys = Record<LimitScope, string>;

export function limitKeys(email: string, clientAddress: string): LimitKeys {
  const normalEmail = email.trim().toLowerCase();
  return { account: `${clientAddress} ${normalEmail}`, address: clientAddress, email: normalEmail };
}

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

/** The record after one more failure (or one more claimed check, which counts as a failure until it succeeds). */
export function afterFailure(record: ThrottleRecord | null, now: Date, policy = DEFAULT_THROTTLE_POLICY): ThrottleRecord {
  const lockExpired = record?.lockedUntil != null && record.lockedUntil.getTime() <= now.getTime();
  const failures = (lockExpired ? 0 : activeFailures(record, now, policy)) + 1;
  const lockedUntil = failures >= policy.lockAfterFailures ? new Date(now.getTime() + policy.lockMs) : null;
  return { failures, lastFailureAt: now, lockedUntil };
}

export type AttemptDecision =
  { kind: "refused"; scope: LimitScope; retryAt: Date } | { kind: "allowed"; delayMs: number; claimed: Record<LimitScope, ThrottleRecord> };

/**
 * Decides one attempt against every limit at once. An allowed attempt is claimed before its
 * password is checked: each record already counts it as a failure, so attempts running in
 * parallel see each other's claims. A refused attempt changes nothing.
 */
export function decideAttempt(
  records: Record<LimitScope, ThrottleRecord | null>,
  now: Date,
  limits: Readonly<Record<LimitScope, ThrottlePolicy>> = SIGN_IN_LIMITS,
): AttemptDecision {
  let refusal: { scope: LimitScope; retryAt: Date } | null = null;
  let delayMs = 0;
  for (const scope of LIMIT_SCOPES) {
    const verdict = throttleVerdict(records[scope], now, limits[scope]);
    if (verdict.kind === "refused") {
      if (!refusal || verdict.retryAt > refusal.retryAt) refusal = { scope, retryAt: verdict.retryAt };
    } else {
      delayMs = Math.max(delayMs, verdict.delayMs);
    }
  }
  if (refusal) return { kind: "refused", ...refusal };
  const claimed = Object.fromEntries(LIMIT_SCOPES.map((scope) => [scope, afterFailure(records[scope], now, limits[scope])]));
  return { kind: "allowed", delayMs, claimed: claimed as Record<LimitScope, ThrottleRecord> };
}

/** The limit that a failed check has just used up, if any, so the person hears about the lock at once. */
export function lockedByClaim(claimed: Record<LimitScope, ThrottleRecord>): { scope: LimitScope; retryAt: Date } | null {
  for (const scope of LIMIT_SCOPES) {
    const lockedUntil = claimed[scope].lockedUntil;
    if (lockedUntil) return { scope, retryAt: lockedUntil };
  }
  return null;
}

export function minutesUntil(date: Date, now: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - now.getTime()) / 60_000));
}

/** The message for a refused attempt. The wording for an email is the same whether or not it has an account. */
export function lockMessage(scope: LimitScope, retryAt: Date, now: Date): string {
  const minutes = minutesUntil(retryAt, now);
  const wait = `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  return scope === "address" ? `Too many failed sign-in attempts from your network. ${wait}` : `Too many failed sign-in attempts for this email. ${wait}`;
}
