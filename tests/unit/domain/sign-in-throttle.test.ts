import { describe, expect, test } from "vitest";
import {
  activeFailures,
  afterFailure,
  decideAttempt,
  DEFAULT_THROTTLE_POLICY,
  type LimitScope,
  limitKeys,
  lockedByClaim,
  lockMessage,
  minutesUntil,
  SIGN_IN_LIMITS,
  type ThrottleRecord,
  throttleVerdict,
} from "@/lib/domain/sign-in-throttle";

/** A clock time on one fixed day, e.g. t("09:04") or t("09:18:59.999"). */
const t = (time: string) => new Date(`2030-01-01T${time.length === 5 ? `${time}:00` : time}Z`);

/** The stored record after failed attempts at the given times. */
function failedAt(...times: string[]): ThrottleRecord | null {
  return times.reduce<ThrottleRecord | null>((record, time) => afterFailure(record, t(time)), null);
}

const FIVE_FAILURES = ["09:00", "09:01", "09:02", "09:03", "09:04"];

describe("the default policy", () => {
  test("is 2 free failures, then 500 ms steps capped at 2 s, and a 15-minute lock after 5 within 15 minutes", () => {
    expect(DEFAULT_THROTTLE_POLICY).toEqual({
      freeFailures: 2,
      delayStepMs: 500,
      maxDelayMs: 2_000,
      lockAfterFailures: 5,
      lockMs: 15 * 60_000,
      windowMs: 15 * 60_000,
    });
  });
});

describe("throttleVerdict over a run of failures", () => {
  test.each([
    { failures: [], now: "09:00", verdict: { kind: "allowed", delayMs: 0 } },
    { failures: ["09:00"], now: "09:00:30", verdict: { kind: "allowed", delayMs: 0 } },
    { failures: ["09:00", "09:01"], now: "09:01:30", verdict: { kind: "allowed", delayMs: 0 } },
    { failures: ["09:00", "09:01", "09:02"], now: "09:02:30", verdict: { kind: "allowed", delayMs: 500 } },
    { failures: ["09:00", "09:01", "09:02", "09:03"], now: "09:03:30", verdict: { kind: "allowed", delayMs: 1000 } },
    { failures: FIVE_FAILURES, now: "09:04", verdict: { kind: "refused", retryAt: t("09:19") } },
    { failures: FIVE_FAILURES, now: "09:10", verdict: { kind: "refused", retryAt: t("09:19") } },
    { failures: FIVE_FAILURES, now: "09:18:59.999", verdict: { kind: "refused", retryAt: t("09:19") } },
    // The lock has run out: a clean slate, not a lingering delay.
    { failures: FIVE_FAILURES, now: "09:19", verdict: { kind: "allowed", delayMs: 0 } },
    { failures: FIVE_FAILURES, now: "12:00", verdict: { kind: "allowed", delayMs: 0 } },
    // The window is measured from the latest failure and includes its last millisecond.
    { failures: ["09:00", "09:01", "09:02", "09:03"], now: "09:18", verdict: { kind: "allowed", delayMs: 1000 } },
    { failures: ["09:00", "09:01", "09:02", "09:03"], now: "09:18:00.001", verdict: { kind: "allowed", delayMs: 0 } },
    // Slow failures never pile up: each one falls outside the previous one's window.
    { failures: ["09:00", "09:16", "09:32", "09:48", "10:04"], now: "10:04", verdict: { kind: "allowed", delayMs: 0 } },
  ])("after failures at $failures, at $now", ({ failures, now, verdict }) => {
    expect(throttleVerdict(failedAt(...failures), t(now))).toEqual(verdict);
  });
});

describe("afterFailure", () => {
  test.each([
    { before: [], now: "09:00", after: { failures: 1, lockedUntil: null } },
    { before: ["09:00"], now: "09:01", after: { failures: 2, lockedUntil: null } },
    { before: ["09:00", "09:01", "09:02", "09:03"], now: "09:04", after: { failures: 5, lockedUntil: t("09:19") } },
    // Once the lock has passed, the next failure starts a new count.
    { before: FIVE_FAILURES, now: "09:19", after: { failures: 1, lockedUntil: null } },
    { before: ["09:00", "09:01"], now: "09:16", after: { failures: 3, lockedUntil: null } },
    { before: ["09:00", "09:01"], now: "09:16:00.001", after: { failures: 1, lockedUntil: null } },
  ])("after $before, failing at $now", ({ before, now, after }) => {
    expect(afterFailure(failedAt(...before), t(now))).toEqual({ ...after, lastFailureAt: t(now) });
  });

  test("does not change the record it was given", () => {
    const record = failedAt("09:00", "09:01")!;
    const copy = structuredClone(record);
    afterFailure(record, t("09:02"));
    expect(record).toEqual(copy);
  });
});

describe("activeFailures", () => {
  test.each([
    { failures: [], now: "09:00", expected: 0 },
    { failures: ["09:00", "09:01", "09:02"], now: "09:02", expected: 3 },
    { failures: ["09:00", "09:01", "09:02"], now: "09:17", expected: 3 },
    { failures: ["09:00", "09:01", "09:02"], now: "09:17:00.001", expected: 0 },
  ])("after failures at $failures, at $now → $expected", ({ failures, now, expected }) => {
    expect(activeFailures(failedAt(...failures), t(now))).toBe(expected);
  });
});

describe("the delay cap", () => {
  // The default policy locks before the cap is reached, so raise the lock threshold to see it.
  const noLock = { ...DEFAULT_THROTTLE_POLICY, lockAfterFailures: 100 };

  test.each([
    { failures: 2, delayMs: 0 },
    { failures: 3, delayMs: 500 },
    { failures: 4, delayMs: 1000 },
    { failures: 5, delayMs: 1500 },
    { failures: 6, delayMs: 2000 },
    { failures: 7, delayMs: 2000 },
    { failures: 50, delayMs: 2000 },
  ])("$failures recent failures → $delayMs ms", ({ failures, delayMs }) => {
    const record: ThrottleRecord = { failures, lastFailureAt: t("09:00"), lockedUntil: null };
    expect(throttleVerdict(record, t("09:01"), noLock)).toEqual({ kind: "allowed", delayMs });
  });
});

describe("minutesUntil", () => {
  test.each([
    { until: "09:15", now: "09:00", expected: 15 },
    { until: "09:15", now: "09:00:00.001", expected: 15 },
    { until: "09:15", now: "09:13:59.999", expected: 2 },
    { until: "09:15", now: "09:14", expected: 1 },
    { until: "09:15", now: "09:14:59.999", expected: 1 },
    // Never "0 minutes": the message is only shown while still locked, however briefly.
    { until: "09:15", now: "09:15", expected: 1 },
    { until: "09:15", now: "10:00", expected: 1 },
  ])("until $until at $now → $expected", ({ until, now, expected }) => {
    expect(minutesUntil(t(until), t(now))).toBe(expected);
  });
});

describe("the limits per scope", () => {
  test("5 checks per email at one address, 50 per address, 50 per email across addresses, each locking for 15 minutes", () => {
    expect(SIGN_IN_LIMITS.account).toEqual(DEFAULT_THROTTLE_POLICY);
    for (const scope of ["address", "email"] as const) {
      expect(SIGN_IN_LIMITS[scope]).toMatchObject({ lockAfterFailures: 50, lockMs: 15 * 60_000, windowMs: 15 * 60_000, maxDelayMs: 0 });
    }
  });

  test("one address can never use up the email limit on its own", () => {
    expect(SIGN_IN_LIMITS.account.lockAfterFailures * 2).toBeLessThan(SIGN_IN_LIMITS.email.lockAfterFailures);
  });
});

describe("limitKeys", () => {
  test("keys the account limit by address and email, ignoring the email's case and spaces", () => {
    expect(limitKeys(" Alice@Example.com ", "203.0.113.7")).toEqual({
      account: "203.0.113.7 alice@example.com",
      address: "203.0.113.7",
      email: "alice@example.com",
    });
  });
});

describe("decideAttempt", () => {
  const none = { account: null, address: null, email: null };
  const at = (failures: number, lockedUntil: string | null = null): ThrottleRecord => ({
    failures,
    lastFailureAt: t("09:00"),
    lockedUntil: lockedUntil ? t(lockedUntil) : null,
  });

  test("a first attempt is allowed at once and claimed in every scope", () => {
    const decision = decideAttempt(none, t("09:00"));
    expect(decision).toEqual({
      kind: "allowed",
      delayMs: 0,
      claimed: Object.fromEntries((["account", "address", "email"] as const).map((s) => [s, { failures: 1, lastFailureAt: t("09:00"), lockedUntil: null }])),
    });
  });

  test("the claim that reaches a limit is still allowed to check its password, and locks that scope", () => {
    const decision = decideAttempt({ ...none, account: at(4) }, t("09:01"));
    expect(decision.kind).toBe("allowed");
    if (decision.kind !== "allowed") return;
    expect(decision.claimed.account).toEqual({ failures: 5, lastFailureAt: t("09:01"), lockedUntil: t("09:16") });
    expect(lockedByClaim(decision.claimed)).toEqual({ scope: "account", retryAt: t("09:16") });
  });

  test("the delay comes from the scope with the longest streak", () => {
    expect(decideAttempt({ account: at(4), address: at(40), email: at(3) }, t("09:01"))).toMatchObject({ kind: "allowed", delayMs: 1000 });
  });

  test.each<{ scope: LimitScope }>([{ scope: "account" }, { scope: "address" }, { scope: "email" }])(
    "a running $scope lock refuses the attempt",
    ({ scope }) => {
      expect(decideAttempt({ ...none, [scope]: at(50, "09:15") }, t("09:10"))).toEqual({ kind: "refused", scope, retryAt: t("09:15") });
    },
  );

  test("with several locks running, the one that lasts longest is reported", () => {
    expect(decideAttempt({ account: at(5, "09:15"), address: at(50, "09:20"), email: null }, t("09:10"))).toEqual({
      kind: "refused",
      scope: "address",
      retryAt: t("09:20"),
    });
  });

  test("a lock that has run out refuses nothing and its count starts again", () => {
    const decision = decideAttempt({ ...none, address: at(50, "09:15") }, t("09:15"));
    expect(decision).toMatchObject({ kind: "allowed", claimed: { address: { failures: 1, lockedUntil: null } } });
  });

  test("an unlocked claim reports no lock", () => {
    const decision = decideAttempt(none, t("09:00"));
    if (decision.kind === "allowed") expect(lockedByClaim(decision.claimed)).toBeNull();
  });
});

describe("lockMessage", () => {
  test.each<{ scope: LimitScope; expected: string }>([
    { scope: "account", expected: "Too many failed sign-in attempts for this email. Try again in 15 minutes." },
    { scope: "email", expected: "Too many failed sign-in attempts for this email. Try again in 15 minutes." },
    { scope: "address", expected: "Too many failed sign-in attempts from your network. Try again in 15 minutes." },
  ])("$scope", ({ scope, expected }) => {
    expect(lockMessage(scope, t("09:15"), t("09:00"))).toBe(expected);
  });

  test("one minute is singular", () => {
    expect(lockMessage("account", t("09:15"), t("09:14:30"))).toBe("Too many failed sign-in attempts for this email. Try again in 1 minute.");
  });
});
