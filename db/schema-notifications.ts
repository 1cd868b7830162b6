import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { xid8 } from "./column-types";
import { teams, users } from "./schema";

// Notifications, the jobs queue and the outbox cursor (issue 11). Re-exported by schema.ts; the
// tables of schema.ts are only named inside callbacks, which run after both files have loaded.

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
/** One per person and event: written by the fan-out worker step from the events table, never by a request. */
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    eventId: bigint("event_id", { mode: "number" }).notNull(),
    kind: text("kind").notNull(),
    // The sentence shown and mailed: names and titles only, never a sealed value.
    title: text("title").notNull(),
    // The page it is about, a path within the app.
    path: text("path").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    // A retried fan-out step cannot tell anyone twice.
    uniqueIndex("notifications_event_user_idx").on(t.eventId, t.userId),
    index("notifications_user_idx").on(t.userId, t.id),
    index("notifications_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

/** Kinds a person also wants by email; every kind is always shown in the app. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    email: boolean("email").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * How far a reader of the events table (the outbox) has got, in the order (txid, id): the last
 * event it handled. The row is locked while it reads.
 */
export const eventCursors = pgTable("event_cursors", {
  name: text("name").primaryKey(),
  lastTxid: xid8("last_txid")
    .notNull()
    .default(sql`'0'`),
  lastEventId: bigint("last_event_id", { mode: "number" }).notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Work for the worker (emails today): claimed with FOR UPDATE SKIP LOCKED, retried with backoff. */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("jobs_due_idx")
      .on(t.runAt)
      .where(sql`${t.doneAt} is null`),
  ],
);

/** Mail kept instead of sent, in development without SMTP_URL: shown at /dev/mailbox. */
export const devMail = pgTable("dev_mail", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html").notNull(),
  createdAt: createdAt(),
});

export type Notification = typeof notifications.$inferSelect;
export type Job = typeof jobs.$inferSelect;
