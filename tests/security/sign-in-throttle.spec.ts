import { expect, test } from "@playwright/test";
import { clearSignInLimits, closeDb } from "./support/db";
import { type ActionResult, disposeAll, newClient, PASSWORD, sessionCookie, signIn, signUp } from "./support/http";

// Guessing passwords in parallel must not outrun the throttle: each attempt is counted before its
// password is checked, so a burst gets no more checks than a patient attacker would.

/** The most passwords the throttle lets anyone check for one email before it locks. */
const LOCK_AFTER_FAILURES = 5;
const WRONG_PASSWORD = /do not match/;

test.describe.configure({ mode: "default" });
test.afterAll(async () => {
  // Per-address limits would otherwise hold the whole test host back for the rest of the run.
  await clearSignInLimits();
  await closeDb();
});

let burstCount = 0;

/**
 * Every attempt from its own client (its own cookie jar), all sent at once. Where the server trusts
 * X-Forwarded-For (TRUST_PROXY), the burst comes from a documentation address of its own, so a
 * per-address limit it sets off does not also hold back this host's other tests.
 */
async function burst(email: string, passwords: readonly string[]) {
  burstCount += 1;
  const from = { "X-Forwarded-For": `203.0.113.${(process.pid % 100) + burstCount}` };
  const clients = await Promise.all(passwords.map((_, i) => newClient(`guess-${i}`)));
  try {
    const results = await Promise.all(passwords.map((password, i) => signIn(clients[i]!, email, password, from)));
    const cookies = await Promise.all(clients.map(sessionCookie));
    return results.map((result, i) => ({ result, signedIn: signedIn(result) || cookies[i] !== undefined }));
  } finally {
    await disposeAll(clients);
  }
}

const signedIn = (result: ActionResult) => result.redirect === "/teams";

test("the right password at position 25 of 40 parallel tries does not sign in", async () => {
  const owner = await signUp("throttle-target");
  await disposeAll([owner]);
  // The control: on its own, the right password does sign in, so a refusal below is the throttle's.
  const alone = await newClient("alone");
  const control = await signIn(alone, owner.email, PASSWORD);
  await disposeAll([alone]);
  expect(signedIn(control), `a lone correct sign-in: ${control.status} ${control.body.slice(0, 200)}`).toBe(true);

  const passwords = Array.from({ length: 40 }, (_, i) => (i === 24 ? PASSWORD : `wrong guess ${i}`));
  const attempts = await burst(owner.email, passwords);
  expect(
    attempts.filter((a) => a.result.status >= 500),
    "server errors",
  ).toEqual([]);
  expect(attempts[24]!.signedIn, "the burst's right password signed in").toBe(false);
  expect(attempts.filter((a) => a.signedIn)).toEqual([]);
});

test("100 parallel wrong tries get at most 5 passwords checked", async () => {
  const owner = await signUp("throttle-burst");
  await disposeAll([owner]);
  const attempts = await burst(
    owner.email,
    Array.from({ length: 100 }, (_, i) => `wrong guess ${i}`),
  );
  expect(
    attempts.filter((a) => a.result.status >= 500),
    "server errors",
  ).toEqual([]);
  const checked = attempts.filter((a) => WRONG_PASSWORD.test(a.result.body)).length;
  expect(checked, "attempts answered 'that password does not match', i.e. passwords actually checked").toBeLessThanOrEqual(LOCK_AFTER_FAILURES);
  // Everything else was refused by the throttle, saying so.
  const refused = attempts.filter((a) => !WRONG_PASSWORD.test(a.result.body));
  expect(refused.filter((a) => !/too many/i.test(a.result.body)).map((a) => a.result.body.slice(0, 200))).toEqual([]);
});
