import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./schema";

// Where a person is signed in, and the links they asked for to choose a new password.
// Re-exported by schema.ts.

/** One row per signed-in browser; its id travels in the session cookie and is checked on every request. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export type Session = typeof sessions.$inferSelect;

// Links to choose a new password, asked for from the sign-in page. Only the token's hash is kept,
// as for invites' tokens; the link itself goes out by email, sealed in the email
// job's payload until then. A link works once and for a limited time.

export const passwordResets = pgTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** When the link was used, or given up because another was used or the password changed. */
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** The client address that asked for it, to count what one address asks for. */
    requestedFrom: text("requested_from").notNull().default("unknown"),
  },
  (t) => [index("password_resets_user_idx").on(t.userId, t.createdAt), index("password_resets_requested_from_idx").on(t.requestedFrom, t.createdAt)],
);
