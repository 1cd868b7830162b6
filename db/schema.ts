import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { ROLES } from "../lib/auth/roles";

export const teamRole = pgEnum("team_role", ROLES);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    // Stored lower-cased so uniqueness and look-ups ignore case.
    email: text("email").notNull().unique(),
    // Null for people who only ever signed in through OAuth.
    passwordHash: text("password_hash"),
    createdAt: createdAt(),
  },
  (t) => [check("users_email_lowercase", sql`${t.email} = lower(${t.email})`)],
);

export const teams = pgTable("teams", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  "memberships",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: teamRole("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const invites = pgTable(
  "invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    // SHA-256 of the token; the token itself exists only in the link handed to the inviter.
    tokenHash: text("token_hash").notNull().unique(),
    role: teamRole("role").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    maxUses: integer("max_uses"),
    uses: integer("uses").notNull().default(0),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("invites_team_idx").on(t.teamId),
    check("invites_uses_within_limit", sql`${t.maxUses} is null or ${t.uses} <= ${t.maxUses}`),
    check("invites_max_uses_positive", sql`${t.maxUses} is null or ${t.maxUses} > 0`),
  ],
);

// Append-only: a trigger in the migrations rejects UPDATE, DELETE and TRUNCATE.
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    decisionId: uuid("decision_id"),
    actorId: uuid("actor_id").references(() => users.id),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("events_team_idx").on(t.teamId, t.id), index("events_decision_idx").on(t.decisionId, t.id)],
);

// Failed sign-ins per email, shared by every app server through the database.
export const signInThrottle = pgTable("sign_in_throttle", {
  email: text("email").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

export type NotableUser = { name: string; usage: string };

export const frameworks = pgTable("frameworks", {
  slug: text("slug").primaryKey(),
  name: text("name").notNull(),
  language: text("language").notNull(),
  runtime: text("runtime"),
  description: text("description").notNull(),
  website: text("website").notNull(),
  notableUsers: jsonb("notable_users").$type<NotableUser[]>().notNull(),
  sortOrder: integer("sort_order").notNull(),
});

export type User = typeof users.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Invite = typeof invites.$inferSelect;
export type Framework = typeof frameworks.$inferSelect;
export type EventRow = typeof events.$inferSelect;
