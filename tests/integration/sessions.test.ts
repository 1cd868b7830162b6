import { eq } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { createSession, findSessionUser, listLiveSessions, revokeAllSessions, revokeOtherSessions, revokeSession } from "../../db/queries/sessions";
import { sessions, users } from "../../db/schema";
import { SESSION_LIFETIME } from "../../lib/domain/session-lifetime";
import { describeEachDriver } from "../support/drivers";
import { createUser, createUsers, type TestUser } from "../support/factories";

const T0 = new Date("2030-01-01T12:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const DAY = 24 * 60 * 60_000;
const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

describeEachDriver("sessions", (ctx) => {
  let people: Record<"ana" | "ben", TestUser>;
  beforeAll(async () => {
    people = await createUsers(ctx.db, ["ana", "ben"]);
  });
  const signedIn = (user: TestUser, now = T0) => createSession(ctx.db, user.id, UA, now);

  test("a new session finds its person, with the session's id", async () => {
    const id = await signedIn(people.ana);
    expect(await findSessionUser(ctx.db, id, people.ana.id, at(1000))).toEqual({
      id: people.ana.id,
      name: people.ana.name,
      email: people.ana.email,
      sessionId: id,
      // Null until they choose one on the account page: times follow their browser.
      timeZone: null,
      unread: 0,
    });
  });

  test("a session id presented with another person's id finds no one", async () => {
    const id = await signedIn(people.ana);
    expect(await findSessionUser(ctx.db, id, people.ben.id, T0)).toBeNull();
  });

  test("a revoked session finds no one, and only its owner can revoke it", async () => {
    const id = await signedIn(people.ana);
    expect(await revokeSession(ctx.db, people.ben.id, id)).toBe(false);
    expect(await findSessionUser(ctx.db, id, people.ana.id, T0)).not.toBeNull();

    expect(await revokeSession(ctx.db, people.ana.id, id)).toBe(true);
    expect(await findSessionUser(ctx.db, id, people.ana.id, T0)).toBeNull();
    expect(await revokeSession(ctx.db, people.ana.id, id)).toBe(false);
  });

  test(`a session unused for ${SESSION_LIFETIME.idleMs / DAY} days has ended`, async () => {
    const id = await signedIn(people.ana);
    expect(await findSessionUser(ctx.db, id, people.ana.id, at(SESSION_LIFETIME.idleMs))).toBeNull();
    const kept = await signedIn(people.ana);
    expect(await findSessionUser(ctx.db, kept, people.ana.id, at(SESSION_LIFETIME.idleMs - 1))).not.toBeNull();
  });

  test("each use pushes the idle end back, but never past the absolute lifetime", async () => {
    const id = await signedIn(people.ana);
    for (let day = 6; day < 30; day += 6) {
      expect(await findSessionUser(ctx.db, id, people.ana.id, at(day * DAY)), `day ${day}`).not.toBeNull();
    }
    expect(await findSessionUser(ctx.db, id, people.ana.id, at(SESSION_LIFETIME.absoluteMs - 1))).not.toBeNull();
    expect(await findSessionUser(ctx.db, id, people.ana.id, at(SESSION_LIFETIME.absoluteMs))).toBeNull();
  });

  test("last use is written at most once a minute", async () => {
    const id = await signedIn(people.ana);
    const lastSeen = async () => (await ctx.db.select().from(sessions).where(eq(sessions.id, id)))[0]!.lastSeenAt;
    await findSessionUser(ctx.db, id, people.ana.id, at(59_999));
    expect(await lastSeen()).toEqual(T0);
    await findSessionUser(ctx.db, id, people.ana.id, at(60_000));
    expect(await lastSeen()).toEqual(at(60_000));
  });

  test("signing out everywhere ends every session of that person and nobody else's", async () => {
    const [ana, ben] = await Promise.all([createUser(ctx.db, { name: "Ana Two" }), createUser(ctx.db, { name: "Ben Two" })]);
    const anas = [await signedIn(ana), await signedIn(ana)];
    const bens = await signedIn(ben);

    expect(await revokeAllSessions(ctx.db, ana.id)).toBe(2);

    for (const id of anas) expect(await findSessionUser(ctx.db, id, ana.id, T0)).toBeNull();
    expect(await findSessionUser(ctx.db, bens, ben.id, T0)).not.toBeNull();
  });

  test("revoking the others keeps the current session", async () => {
    const person = await createUser(ctx.db, { name: "Keeper" });
    const [current, laptop, phone] = [await signedIn(person), await signedIn(person), await signedIn(person)];

    expect(await revokeOtherSessions(ctx.db, person.id, current)).toBe(2);

    expect(await findSessionUser(ctx.db, current, person.id, T0)).not.toBeNull();
    expect(await findSessionUser(ctx.db, laptop, person.id, T0)).toBeNull();
    expect(await findSessionUser(ctx.db, phone, person.id, T0)).toBeNull();
  });

  test("the list shows live sessions, most recently used first, and a new sign-in clears ended ones", async () => {
    const person = await createUser(ctx.db, { name: "Lister" });
    const old = await signedIn(person, T0);
    const recent = await signedIn(person, at(5 * DAY));
    const newest = await signedIn(person, at(8 * DAY));

    expect((await listLiveSessions(ctx.db, person.id, at(8 * DAY))).map((s) => s.id)).toEqual([newest, recent]);
    const rows = await ctx.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, person.id));
    expect(rows.map((r) => r.id)).not.toContain(old);
    expect((await listLiveSessions(ctx.db, person.id, at(8 * DAY)))[0]).toMatchObject({ userAgent: UA, createdAt: at(8 * DAY) });
  });

  test("a deleted account takes its sessions with it", async () => {
    const person = await createUser(ctx.db, { name: "Leaver" });
    const id = await signedIn(person);
    await ctx.db.delete(users).where(eq(users.id, person.id));
    expect(await findSessionUser(ctx.db, id, person.id, T0)).toBeNull();
    expect(await ctx.db.select().from(sessions).where(eq(sessions.id, id))).toEqual([]);
  });

  test("a very long browser name is cut", async () => {
    const person = await createUser(ctx.db, { name: "Long UA" });
    await createSession(ctx.db, person.id, "x".repeat(10_000), T0);
    expect((await listLiveSessions(ctx.db, person.id, T0))[0]!.userAgent).toHaveLength(400);
  });
});
