import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { devMail, memberships, notificationPreferences, notifications, teams, users, decisions } from "../schema";

/** The channel on which a person's new unread count is announced, for the bell on their open pages. */
export const NOTIFICATIONS_CHANNEL = "verdict_notifications";

export type NewNotification = { userId: string; teamId: string; eventId: number; kind: string; title: string; path: string };

/** A team's current members with role, email and their email choices, and the team's and decision's names: three reads sent together. */
export async function fanOutContext(db: Executor, teamId: string, decisionId: string | null) {
  const [[team], [decision], members] = await Promise.all([
    db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)),
    decisionId ? db.select({ title: decisions.title }).from(decisions).where(eq(decisions.id, decisionId)) : Promise.resolve([]),
    db
      .select({
        userId: memberships.userId,
        role: memberships.role,
        email: users.email,
        name: users.name,
        emailKinds: sql<
          string[]
        >`coalesce((select array_agg(p.kind) from ${notificationPreferences} p where p.user_id = ${memberships.userId} and p.email), '{}')`,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.teamId, teamId)),
  ]);
  return { teamName: team?.name ?? "a team", decisionTitle: decision?.title ?? null, members };
}

/** Inserts the notifications; one already made for the same event and person is left as it is. Returns those made now. */
export async function insertNotifications(db: Executor, list: readonly NewNotification[]) {
  if (list.length === 0) return [];
  return db
    .insert(notifications)
    .values([...list])
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId, kind: notifications.kind });
}

/**
 * Announces each person's unread count on NOTIFICATIONS_CHANNEL, delivered when the caller's
 * transaction commits (so never for notifications that were rolled back). Counts only: the
 * announcement carries no title, and only that person's own streams forward it.
 */
export async function announceUnread(db: Executor, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db.execute(sql`
    select pg_notify(${NOTIFICATIONS_CHANNEL}, json_build_object('userId', u.id, 'unread', (
      select count(*) from ${notifications} n where n.user_id = u.id::uuid and n.read_at is null))::text)
    from jsonb_array_elements_text(${JSON.stringify([...new Set(userIds)])}::text::jsonb) as u(id)`);
}

export async function listNotifications(db: Executor, userId: string, page: { offset: number; limit: number }) {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      path: notifications.path,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.id))
    .limit(page.limit + 1)
    .offset(page.offset);
  return { items: rows.slice(0, page.limit), hasNext: rows.length > page.limit };
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the person's own notifications read and returns where it leads; null if it is not theirs. */
export async function markNotificationRead(db: Executor, userId: string, id: number): Promise<string | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ path: notifications.path });
  return row?.path ?? null;
}

export async function markAllNotificationsRead(db: Executor, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** The kinds the person also wants by email. */
export async function emailKinds(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .select({ kind: notificationPreferences.kind })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.email, true)));
  return rows.map((row) => row.kind);
}

export async function setEmailKinds(db: Executor, userId: string, choices: Record<string, boolean>): Promise<void> {
  const rows = Object.entries(choices).map(([kind, email]) => ({ userId, kind, email }));
  if (rows.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(rows)
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { email: sql`excluded.email` } });
}

/** A notification with its recipient, for its email. */
export async function findNotificationForEmail(db: Executor, id: number) {
  const [row] = await db
    .select({ id: notifications.id, kind: notifications.kind, title: notifications.title, path: notifications.path, email: users.email, name: users.name })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.id, id));
  return row ?? null;
}

export async function keepDevMail(db: Executor, mail: { to: string; subject: string; text: string; html: string }): Promise<void> {
  await db.insert(devMail).values(mail);
}

export async function listDevMail(db: Executor, limit: number) {
  return db.select().from(devMail).orderBy(desc(devMail.id)).limit(limit);
}
