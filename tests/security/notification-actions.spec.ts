import { expect, test } from "@playwright/test";
import { SENT_NOTIFICATION_KINDS } from "../../lib/domain/notifications";
import { closeDb, insertTeam, sql, userIdOf } from "./support/db";
import { actionId, callAction, disposeAll, newClient, type Person, signUp } from "./support/http";

// The notification actions act on the caller's own notifications and settings only: an id of
// someone else's is not theirs to open, and "mark all read" and the settings touch no one else.
test.afterAll(closeDb);

const INBOX = "/notifications";
const OPEN = () => ({ id: actionId("app/notifications/actions/open-notification.ts", "openNotificationAction"), path: INBOX });
const MARK_ALL = () => ({ id: actionId("app/notifications/actions/mark-all-read.ts", "markAllReadAction"), path: INBOX });
const SETTINGS = () => ({ id: actionId("app/account/actions/set-notification-settings.ts", "setNotificationSettingsAction"), path: "/account" });
// Every kind the settings offer, so a new kind is covered without touching this file.
const KINDS = SENT_NOTIFICATION_KINDS;
const allByEmail = Object.fromEntries(KINDS.map((kind) => [`email.${kind}`, "email"]));

/** An unread notification of `person`'s, written as the worker would. */
async function notificationOf(person: Person): Promise<number> {
  const userId = await userIdOf(person.email);
  const teamId = await insertTeam(`Notified ${person.name}`, [[userId, "member"]]);
  const [row] = await sql()`
    insert into notifications (user_id, team_id, event_id, kind, title, path)
    values (${userId}, ${teamId}, ${Math.floor(Math.random() * 1e12)}, 'joined_team', 'You joined', ${`/teams/${teamId}`}) returning id`;
  return Number(row!.id);
}
const unread = async (person: Person) =>
  Number((await sql()`select count(*)::int as n from notifications where user_id = ${await userIdOf(person.email)} and read_at is null`)[0]!.n);
const emailed = async (person: Person) =>
  Number((await sql()`select count(*)::int as n from notification_preferences where user_id = ${await userIdOf(person.email)} and email`)[0]!.n);

test("anonymous callers are sent to sign in and nothing changes", async () => {
  const owner = await signUp("notify-anon");
  const stranger = await newClient("notify-stranger");
  try {
    const id = await notificationOf(owner);
    for (const [action, fields] of [
      [OPEN(), { id: String(id) }],
      [MARK_ALL(), {}],
      [SETTINGS(), allByEmail],
    ] as const) {
      const result = await callAction(stranger, action, fields);
      expect(result.status, action.id).toBeLessThan(500);
      expect(result.redirect, action.id).toMatch(/^\/sign-in/);
    }
    expect(await unread(owner)).toBe(1);
  } finally {
    await disposeAll([owner, stranger]);
  }
});

test("one person cannot open, mark read or choose email for another", async () => {
  const [attacker, victim] = await Promise.all([signUp("notify-attacker"), signUp("notify-victim")]);
  try {
    const id = await notificationOf(victim);
    await notificationOf(attacker);
    const opened = await callAction(attacker, OPEN(), { id: String(id) });
    expect(opened.status).toBeLessThan(500);
    expect(opened.redirect, "no way to the victim's page").toBeFalsy();
    expect(await unread(victim)).toBe(1);

    const all = await callAction(attacker, MARK_ALL(), {});
    expect(all.state?.ok).toBe(true);
    expect(await unread(attacker)).toBe(0);
    expect(await unread(victim), "the victim's stay unread").toBe(1);

    const chosen = await callAction(attacker, SETTINGS(), { ...allByEmail, userId: await userIdOf(victim.email) });
    expect(chosen.state?.ok, "a field the form does not have is refused").toBe(false);
    expect(await emailed(victim)).toBe(0);
    expect((await callAction(attacker, SETTINGS(), allByEmail)).state?.ok).toBe(true);
    expect(await emailed(attacker)).toBe(KINDS.length);
    expect(await emailed(victim)).toBe(0);

    const own = await callAction(victim, OPEN(), { id: String(id) });
    expect(own.redirect).toMatch(/^\/teams\//);
    expect(await unread(victim)).toBe(0);
  } finally {
    await disposeAll([attacker, victim]);
  }
});
