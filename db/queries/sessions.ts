import "server-only";
import { and, desc, eq, gt, lte, ne, or, sql } from "drizzle-orm";
import { liveSince, sessionIsLive, sessionNeedsTouch } from "../../lib/domain/session-lifetime";
import type { Executor } from "../client";
import { compiledSelect } from "../compiled-select";
import { notifications, sessions, users } from "../schema";

const USER_AGENT_MAX = 400;

/** Starts a session at sign-in, and clears the person's sessions that have ended meanwhile. */
export async function createSession(db: Executor, userId: string, userAgent: string, now = new Date()): Promise<string> {
  const { lastSeenAfter, createdAfter } = liveSince(now);
  await db.delete(sessions).where(and(eq(sessions.userId, userId), or(lte(sessions.lastSeenAt, lastSeenAfter), lte(sessions.createdAt, createdAfter))));
  const [row] = await db
    .insert(sessions)
    .values({ userId, userAgent: userAgent.slice(0, USER_AGENT_MAX), createdAt: now, lastSeenAt: now })
    .returning({ id: sessions.id });
  return row!.id;
}

/**
 * The person behind a session cookie, in one read of the session and its user: null once the
 * session was signed out, revoked, has run past its idle or absolute lifetime, or the account is gone.
 */
export async function findSessionUser(db: Executor, sessionId: string, userId: string, now = new Date()) {
  const [row] = await sessionUserQuery(db, { sessionId, userId });
  return liveSessionUser(db, row, sessionId, now);
}

// Every signed-in page reads this first: built once (see compiledSelect).
const sessionUserQuery = compiledSelect((db) =>
  db
    .select(SESSION_USER_COLUMNS)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder("sessionId")), eq(sessions.userId, sql.placeholder("userId"))))
    .limit(1),
);

/** What findSessionUser reads of a session and its user: select these from sessions joined to users. */
export const SESSION_USER_COLUMNS = {
  id: users.id,
  name: users.name,
  email: users.email,
  timeZone: users.timeZone,
  createdAt: sessions.createdAt,
  lastSeenAt: sessions.lastSeenAt,
  // For the header's bell, in the same statement: every page asks for the person anyway.
  unread: sql<number>`(select count(*)::int from ${notifications} n where n.user_id = ${users.id} and n.read_at is null)`,
};

export type SessionUserRow = { id: string; name: string; email: string; timeZone: string | null; createdAt: Date; lastSeenAt: Date; unread: number };

/** The person, when the session row read is still live (its last-seen time moved on when due); null otherwise. */
export async function liveSessionUser(db: Executor, row: SessionUserRow | undefined, sessionId: string, now: Date) {
  if (!row || !sessionIsLive(row, now)) return null;
  if (sessionNeedsTouch(row, now)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return { id: row.id, name: row.name, email: row.email, timeZone: row.timeZone, sessionId, unread: Number(row.unread) };
}

export async function listLiveSessions(db: Executor, userId: string, now = new Date()) {
  const { lastSeenAfter, createdAfter } = liveSince(now);
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.lastSeenAt, lastSeenAfter), gt(sessions.createdAt, createdAfter)))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Ends one session; scoped to its owner so nobody can end another person's session by id. */
export async function revokeSession(db: Executor, userId: string, sessionId: string): Promise<boolean> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

export async function revokeAllSessions(db: Executor, userId: string): Promise<number> {
  const ended = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return ended.length;
}

export async function revokeOtherSessions(db: Executor, userId: string, keepSessionId: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
    .returning({ id: sessions.id });
  return ended.length;
}
