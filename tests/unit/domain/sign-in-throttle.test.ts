import { describe, expect, test } from "vitest";
import {
  activeFailures,
  afterFailure,
  DEFAULT_THROTTLE_POLICY,
  minutesUntil,
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
