import { beforeAll, expect, test } from "vitest";
import { authorizeCredentials } from "../../lib/auth/credentials";
import { verifyPassword } from "../../lib/auth/password";
import { SIGN_IN_LIMITS } from "../../lib/domain/sign-in-throttle";
import { describeEachDriver } from "../support/drivers";
import { createUser, TEST_PASSWORD, type TestUser, uniqueEmail, uniqueSuffix } from "../support/factories";

const ACCOUNT_LIMIT = SIGN_IN_LIMITS.account.lockAfterFailures;
const uniqueAddress = (label: string) => `${label}-${uniqueSuffix()}`;

describeEachDriver("sign-in attempts through authorizeCredentials", (ctx) => {
  let victim: TestUser;
  beforeAll(async () => {
    victim = await createUser(ctx.db, { name: "Victim" });
  });

  /** Runs the attempts all at once and counts how many passwords were actually checked. */
  async function attempt(email: string, passwords: string[], clientAddress: string) {
    let checks = 0;
    const verify: typeof verifyPassword = (hash, password) => {
      checks += 1;
      return verifyPassword(hash, password);
    };
    const outcomes = await Promise.all(passwords.map((password) => authorizeCredentials(ctx.db, { email, password }, { clientAddress, verify })));
    const count = (kind: string) => outcomes.filter((o) => o.kind === kind).length;
    return { checks, signedIn: count("signed-in"), locked: count("locked"), outcomes };
  }

  const wrongPasswords = (count: number) => Array.from({ length: count }, (_, i) => `wrong-${i}`);

  test.each([40, 100])(`%i parallel wrong passwords check at most ${ACCOUNT_LIMIT} of them`, async (count) => {
    const user = await createUser(ctx.db, { name: `Parallel ${count}` });
    const { checks, signedIn, locked } = await attempt(user.email, wrongPasswords(count), uniqueAddress("parallel"));

    expect(signedIn).toBe(0);
    expect(checks).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(locked).toBeGreaterThanOrEqual(count - ACCOUNT_LIMIT);
  });

  test("the right password at position 25 of 40 parallel tries does not get through after the limit", async () => {
    const passwords = Array.from({ length: 40 }, (_, i) => (i === 24 ? TEST_PASSWORD : `wrong-${i}`));
    const { checks, signedIn } = await attempt(victim.email, passwords, uniqueAddress("attacker"));

    expect(checks).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(signedIn).toBe(0);
  });

  test("an unknown email costs one claim and one password check, like a wrong password", async () => {
    const unknown = await attempt(uniqueEmail("nobody"), ["whatever"], uniqueAddress("probe"));
    const wrong = await attempt(victim.email, ["whatever"], uniqueAddress("probe"));
    expect(unknown).toMatchObject({ checks: 1, signedIn: 0, locked: 0 });
    expect(wrong).toMatchObject({ checks: 1, signedIn: 0, locked: 0 });
  });

  test("a lock from address A does not lock the owner out at address B", async () => {
    const owner = await createUser(ctx.db, { name: "Owner" });
    const [a, b] = [uniqueAddress("a"), uniqueAddress("b")];
    await attempt(owner.email, wrongPasswords(ACCOUNT_LIMIT + 10), a);

    const fromA = await attempt(owner.email, [TEST_PASSWORD], a);
    expect(fromA.outcomes[0]).toMatchObject({ kind: "locked", scope: "account" });
    expect(fromA.checks).toBe(0);

    const fromB = await attempt(owner.email, [TEST_PASSWORD], b);
    expect(fromB.outcomes[0]).toMatchObject({ kind: "signed-in", user: { id: owner.id } });
  });

  test("one address trying many emails meets the address limit, which other addresses do not share", async () => {
    const owner = await createUser(ctx.db, { name: "Bystander" });
    const [sprayer, elsewhere] = [uniqueAddress("sprayer"), uniqueAddress("elsewhere")];
    const cap = SIGN_IN_LIMITS.address.lockAfterFailures;
    await Promise.all(Array.from({ length: cap }, () => attempt(uniqueEmail("sprayed"), ["guess"], sprayer)));

    const next = await attempt(owner.email, [TEST_PASSWORD], sprayer);
    expect(next.outcomes[0]).toMatchObject({ kind: "locked", scope: "address" });
    expect(next.checks).toBe(0);
    expect((await attempt(owner.email, [TEST_PASSWORD], elsewhere)).signedIn).toBe(1);
  });

  test("many addresses guessing one email meet the email limit", async () => {
    const target = await createUser(ctx.db, { name: "Target" });
    const addresses = Math.ceil(SIGN_IN_LIMITS.email.lockAfterFailures / ACCOUNT_LIMIT);
    await Promise.all(Array.from({ length: addresses }, () => attempt(target.email, wrongPasswords(ACCOUNT_LIMIT), uniqueAddress("botnet"))));

    const owner = await attempt(target.email, [TEST_PASSWORD], uniqueAddress("owner"));
    expect(owner.outcomes[0]).toMatchObject({ kind: "locked", scope: "email" });
  });

  test("the right password within the limit signs in and clears the streak at that address", async () => {
    const user = await createUser(ctx.db, { name: "Typo" });
    const address = uniqueAddress("typo");
    for (const password of wrongPasswords(ACCOUNT_LIMIT - 1)) await attempt(user.email, [password], address);

    expect((await attempt(user.email.toUpperCase(), [TEST_PASSWORD], address)).signedIn).toBe(1);
    const afterwards = await attempt(user.email, wrongPasswords(ACCOUNT_LIMIT - 1), address);
    expect(afterwards.locked).toBe(0);
  });
});
