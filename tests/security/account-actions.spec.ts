import { expect, test } from "@playwright/test";
import { closeDb, sql, userIdOf } from "./support/db";
import { actionId, callAction, type Client, disposeAll, newClient, PASSWORD, type Person, signIn, signUp } from "./support/http";

// The account actions act on the caller's own sessions and password only: never someone else's,
// never without a live session. Each runs with fresh people, since they end sessions.
test.afterAll(closeDb);

const ACCOUNT = "/account";
const CHANGE_PASSWORD = () => ({ id: actionId("app/account/actions/change-password.ts", "changePasswordAction"), path: ACCOUNT });
const REVOKE_SESSION = () => ({ id: actionId("app/account/actions/revoke-session.ts", "revokeSessionAction"), path: ACCOUNT });
const SIGN_OUT_EVERYWHERE = () => ({
  id: actionId("app/account/actions/sign-out-everywhere.ts", "signOutEverywhereAction"),
  path: ACCOUNT,
  withState: false,
});

async function sessionIds(person: Person): Promise<string[]> {
  const rows = await sql()`select id from sessions where user_id = ${await userIdOf(person.email)} order by created_at, id`;
  return rows.map((r) => r.id as string);
}

async function passwordHash(person: Person): Promise<string> {
  const [row] = await sql()`select password_hash from users where email = ${person.email.toLowerCase()}`;
  return row!.password_hash as string;
}

/** The same person signed in a second time, from another client. */
async function secondDevice(person: Person): Promise<Client> {
  const device = await newClient(`${person.name} second device`);
  const result = await signIn(device, person.email, PASSWORD);
  expect(result.redirect, "the second sign-in works").toBe("/teams");
  return device;
}

test("anonymous callers are sent to sign in and nothing changes", async () => {
  const owner = await signUp("account-anon");
  const stranger = await newClient("account-stranger");
  try {
    const [session] = await sessionIds(owner);
    const hash = await passwordHash(owner);
    for (const [action, fields] of [
      [CHANGE_PASSWORD(), { currentPassword: PASSWORD, newPassword: "a brand new password", confirmPassword: "a brand new password" }],
      [REVOKE_SESSION(), { sessionId: session! }],
      [SIGN_OUT_EVERYWHERE(), {}],
    ] as const) {
      const result = await callAction(stranger, action, fields);
      expect(result.status, action.id).toBeLessThan(500);
      expect(result.redirect, action.id).toMatch(/^\/sign-in/);
    }
    expect(await sessionIds(owner)).toEqual([session]);
    expect(await passwordHash(owner)).toBe(hash);
  } finally {
    await disposeAll([owner, stranger]);
  }
});

test("one person cannot end another person's session", async () => {
  const [attacker, victim] = await Promise.all([signUp("account-attacker"), signUp("account-victim")]);
  try {
    const [victimSession] = await sessionIds(victim);
    const result = await callAction(attacker, REVOKE_SESSION(), { sessionId: victimSession! });
    expect(result.status).toBeLessThan(500);
    expect(result.state?.ok).toBe(false);
    expect(await sessionIds(victim), "the victim's session lives on").toEqual([victimSession]);
    expect((await victim.http.get("/teams", { failOnStatusCode: false })).status()).toBe(200);
  } finally {
    await disposeAll([attacker, victim]);
  }
});

test("a person ends their own other session, and signing out everywhere touches no one else", async () => {
  const [person, bystander] = await Promise.all([signUp("account-self"), signUp("account-bystander")]);
  const device = await secondDevice(person);
  try {
    const [first, second] = await sessionIds(person);
    const ended = await callAction(person, REVOKE_SESSION(), { sessionId: second! });
    expect(ended.state?.ok).toBe(true);
    expect(await sessionIds(person)).toEqual([first]);

    const bystanderSessions = await sessionIds(bystander);
    const out = await callAction(person, SIGN_OUT_EVERYWHERE(), {});
    expect(out.status).toBeLessThan(500);
    expect(await sessionIds(person)).toEqual([]);
    expect(await sessionIds(bystander)).toEqual(bystanderSessions);
  } finally {
    await disposeAll([person, bystander, device]);
  }
});

test("a password change needs the current password, and then ends only the caller's other sessions", async () => {
  const [person, bystander] = await Promise.all([signUp("account-password"), signUp("account-password-bystander")]);
  const device = await secondDevice(person);
  try {
    const hash = await passwordHash(person);
    const wrong = await callAction(person, CHANGE_PASSWORD(), {
      currentPassword: "not my password",
      newPassword: "a brand new password",
      confirmPassword: "a brand new password",
    });
    expect(wrong.state?.ok).toBe(false);
    expect(wrong.body, "typed passwords never come back").not.toContain("a brand new password");
    expect(await passwordHash(person)).toBe(hash);

    const [current] = await sessionIds(person);
    const bystanderSessions = await sessionIds(bystander);
    const changed = await callAction(person, CHANGE_PASSWORD(), {
      currentPassword: PASSWORD,
      newPassword: "a brand new password",
      confirmPassword: "a brand new password",
    });
    expect(changed.state?.ok).toBe(true);
    expect(await passwordHash(person)).not.toBe(hash);
    expect(await sessionIds(person), "only the session that changed it is left").toEqual([current]);
    expect(await sessionIds(bystander)).toEqual(bystanderSessions);
  } finally {
    await disposeAll([person, bystander, device]);
  }
});
