import { expect, test } from "vitest";
import { claimSignInAttempt, pruneSignInLimits, readSignInLimits, releaseSignInAttempt } from "../../db/queries/sign-in-limits";
import { limitKeys, SIGN_IN_LIMITS } from "../../lib/domain/sign-in-throttle";
import { describeEachDriver } from "../support/drivers";
import { uniqueEmail, uniqueSuffix } from "../support/factories";

const T0 = new Date("2030-01-01T12:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const ACCOUNT = SIGN_IN_LIMITS.account;
const uniqueAddress = () => `198.51.100.${uniqueSuffix()}`;

describeEachDriver("sign-in limits in the database", (ctx) => {
  const freshKeys = (label: string) => limitKeys(uniqueEmail(label), uniqueAddress());

  async function claimTimes(keys: ReturnType<typeof limitKeys>, times: number, now = T0) {
    const decisions = [];
    for (let i = 0; i < times; i++) decisions.push(await claimSignInAttempt(ctx.db, keys, now));
    return decisions;
  }

  test("keys with no attempts have no records, and the first attempt is allowed at once", async () => {
    const keys = freshKeys("clean");
    expect(await readSignInLimits(ctx.db, keys)).toEqual({ account: null, address: null, email: null });
    expect(await claimSignInAttempt(ctx.db, keys, T0)).toMatchObject({ kind: "allowed", delayMs: 0 });
    expect(await readSignInLimits(ctx.db, keys)).toEqual({
      account: { failures: 1, lastFailureAt: T0, lockedUntil: null },
      address: { failures: 1, lastFailureAt: T0, lockedUntil: null },
      email: { failures: 1, lastFailureAt: T0, lockedUntil: null },
    });
  });

  test(`the ${ACCOUNT.lockAfterFailures}th claim locks the email at that address, and later claims are refused without counting`, async () => {
    const keys = freshKeys("locked");
    const decisions = await claimTimes(keys, ACCOUNT.lockAfterFailures + 3);

    expect(decisions.map((d) => d.kind)).toEqual([...Array(ACCOUNT.lockAfterFailures).fill("allowed"), "refused", "refused", "refused"]);
    expect(decisions.map((d) => (d.kind === "allowed" ? d.delayMs : null))).toEqual([0, 0, 0, 500, 1000, null, null, null]);
    expect(decisions.at(-1)).toEqual({ kind: "refused", scope: "account", retryAt: later(ACCOUNT.lockMs) });
    const records = await readSignInLimits(ctx.db, keys);
    expect(records.account).toEqual({ failures: ACCOUNT.lockAfterFailures, lastFailureAt: T0, lockedUntil: later(ACCOUNT.lockMs) });
    expect(records.address?.failures).toBe(ACCOUNT.lockAfterFailures);
  });

  test("100 claims at the same moment allow exactly the limit", async () => {
    const keys = freshKeys("burst");
    const decisions = await Promise.all(Array.from({ length: 100 }, () => claimSignInAttempt(ctx.db, keys, T0)));

    expect(decisions.filter((d) => d.kind === "allowed")).toHaveLength(ACCOUNT.lockAfterFailures);
    expect((await readSignInLimits(ctx.db, keys)).account?.failures).toBe(ACCOUNT.lockAfterFailures);
  });

  test("once the lock has passed, the next claim starts a fresh count", async () => {
    const keys = freshKeys("expired");
    await claimTimes(keys, ACCOUNT.lockAfterFailures);
    expect((await claimSignInAttempt(ctx.db, keys, later(ACCOUNT.lockMs - 1))).kind).toBe("refused");

    expect(await claimSignInAttempt(ctx.db, keys, later(ACCOUNT.lockMs))).toMatchObject({ kind: "allowed", delayMs: 0 });
    expect((await readSignInLimits(ctx.db, keys)).account).toEqual({ failures: 1, lastFailureAt: later(ACCOUNT.lockMs), lockedUntil: null });
  });

  test("a right password wipes the streak at that address and takes back its claim elsewhere", async () => {
    const keys = freshKeys("released");
    await claimTimes(keys, ACCOUNT.lockAfterFailures);

    await releaseSignInAttempt(ctx.db, keys);

    const records = await readSignInLimits(ctx.db, keys);
    expect(records.account).toBeNull();
    expect(records.address).toMatchObject({ failures: ACCOUNT.lockAfterFailures - 1, lockedUntil: null });
    expect(records.email).toMatchObject({ failures: ACCOUNT.lockAfterFailures - 1, lockedUntil: null });
    expect((await claimSignInAttempt(ctx.db, keys, T0)).kind).toBe("allowed");
  });

  test("a release lifts an address lock only when it brings the count back under the limit", async () => {
    const address = uniqueAddress();
    const cap = SIGN_IN_LIMITS.address.lockAfterFailures;
    for (let i = 0; i < cap; i++) await claimSignInAttempt(ctx.db, limitKeys(uniqueEmail("spread"), address), T0);
    const last = limitKeys(uniqueEmail("next"), address);
    expect(await claimSignInAttempt(ctx.db, last, T0)).toMatchObject({ kind: "refused", scope: "address" });

    await releaseSignInAttempt(ctx.db, limitKeys(uniqueEmail("spread"), address));

    expect((await readSignInLimits(ctx.db, last)).address).toMatchObject({ failures: cap - 1, lockedUntil: null });
  });

  test("pruning forgets day-old records but keeps recent ones and running locks", async () => {
    const [old, recent] = [freshKeys("old"), freshKeys("recent")];
    await claimTimes(old, 1, T0);
    await claimTimes(recent, 1, later(23 * 60 * 60_000));

    await pruneSignInLimits(ctx.db, later(24 * 60 * 60_000 + 1));

    expect((await readSignInLimits(ctx.db, old)).account).toBeNull();
    expect((await readSignInLimits(ctx.db, recent)).account).not.toBeNull();
  });
});
