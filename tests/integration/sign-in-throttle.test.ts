import { expect, test } from "vitest";
import { clearFailures, readThrottle, recordFailure } from "../../db/queries/sign-in-throttle";
import { DEFAULT_THROTTLE_POLICY as POLICY, throttleVerdict } from "../../lib/domain/sign-in-throttle";
import { describeEachDriver } from "../support/drivers";
import { uniqueEmail } from "../support/factories";

const T0 = new Date("2030-01-01T12:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

describeEachDriver("sign-in throttle", (ctx) => {
  async function failTimes(email: string, times: number, now = T0) {
    for (let i = 0; i < times; i++) await recordFailure(ctx.db, email, now);
  }

  test("an email with no failures has no record and is allowed at once", async () => {
    const record = await readThrottle(ctx.db, uniqueEmail("clean"));
    expect(record).toBeNull();
    expect(throttleVerdict(record, T0)).toEqual({ kind: "allowed", delayMs: 0 });
  });

  test("failures are counted and slow sign-in down after the free ones", async () => {
    const email = uniqueEmail("slow");
    await failTimes(email, POLICY.freeFailures + 1);

    const record = await readThrottle(ctx.db, email);
    expect(record).toMatchObject({ failures: POLICY.freeFailures + 1, lastFailureAt: T0, lockedUntil: null });
    expect(throttleVerdict(record, T0)).toEqual({ kind: "allowed", delayMs: POLICY.delayStepMs });
  });

  test(`after ${POLICY.lockAfterFailures} failures the email is locked and refused`, async () => {
    const email = uniqueEmail("locked");
    await failTimes(email, POLICY.lockAfterFailures - 1);
    expect((await readThrottle(ctx.db, email))?.lockedUntil).toBeNull();

    const last = await recordFailure(ctx.db, email, T0);

    const lockedUntil = later(POLICY.lockMs);
    expect(last).toEqual({ failures: POLICY.lockAfterFailures, lastFailureAt: T0, lockedUntil });
    expect(await readThrottle(ctx.db, email)).toMatchObject(last);
    expect(throttleVerdict(await readThrottle(ctx.db, email), later(POLICY.lockMs - 1))).toEqual({ kind: "refused", retryAt: lockedUntil });
  });

  test("once the lock has passed, sign-in is allowed and the next failure starts a fresh count", async () => {
    const email = uniqueEmail("expired");
    await failTimes(email, POLICY.lockAfterFailures);
    const afterLock = later(POLICY.lockMs);

    expect(throttleVerdict(await readThrottle(ctx.db, email), afterLock)).toEqual({ kind: "allowed", delayMs: 0 });
    expect(await recordFailure(ctx.db, email, afterLock)).toEqual({ failures: 1, lastFailureAt: afterLock, lockedUntil: null });
  });

  test("clearFailures removes the record and lifts a lock", async () => {
    const email = uniqueEmail("cleared");
    await failTimes(email, POLICY.lockAfterFailures);
    expect(throttleVerdict(await readThrottle(ctx.db, email), T0).kind).toBe("refused");

    await clearFailures(ctx.db, email);

    const record = await readThrottle(ctx.db, email);
    expect(record).toBeNull();
    expect(throttleVerdict(record, T0)).toEqual({ kind: "allowed", delayMs: 0 });
    expect((await recordFailure(ctx.db, email, T0)).failures).toBe(1);
  });

  test("failures for one email do not count against another", async () => {
    const [a, b] = [uniqueEmail("a"), uniqueEmail("b")];
    await failTimes(a, 3);
    await failTimes(b, 1);
    expect((await readThrottle(ctx.db, a))?.failures).toBe(3);
    expect((await readThrottle(ctx.db, b))?.failures).toBe(1);
  });

  test("10 failures recorded at the same moment all count", async () => {
    // The lock starts at the 5th failure but lasts 15 minutes, so no reset happens in between.
    const email = uniqueEmail("burst");
    const results = await Promise.all(Array.from({ length: 10 }, () => recordFailure(ctx.db, email, T0)));

    expect(results.map((r) => r.failures).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await readThrottle(ctx.db, email)).toMatchObject({ failures: 10, lastFailureAt: T0, lockedUntil: later(POLICY.lockMs) });
  });
});
