import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ROLES } from "../lib/domain/roles";
import { reviewDateColumns, xid8 } from "./column-types";
import { DECISION_STATUSES } from "../lib/domain/phases";

export const teamRole = pgEnum("team_role", ROLES);
export const decisionStatus = pgEnum("decision_status", DECISION_STATUSES);

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
    // An IANA zone the person chose on their account page; null follows their browser's.
    timeZone: text("time_zone"),
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
    // SHA-256 of the token: links are looked up by it.
    tokenHash: text("token_hash").notNull().unique(),
    // The token sealed with AES-256-GCM (lib/auth/sealed-tokens.ts), bound to this row's id, so owners
    // and admins can copy the link again. Null for links made before tokens were kept.
    tokenCiphertext: text("token_ciphertext"),
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

export const decisions = pgTable(
  "decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    title: text("title").notNull(),
    context: text("context").notNull().default(""),
    facilitatorId: uuid("facilitator_id")
      .notNull()
      .references(() => users.id),
    status: decisionStatus("status").notNull().default("draft"),
    anonymous: boolean("anonymous").notNull().default(false),
    // Scoring rounds: 1 at first; each re-vote after a reveal opens the next (Delphi method).
    currentRound: integer("current_round").notNull().default(1),
    weightingDeadline: timestamp("weighting_deadline", { withTimezone: true }),
    scoringDeadline: timestamp("scoring_deadline", { withTimezone: true }),
    // Bumped on every write so a stale form cannot overwrite a newer edit.
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    revealedAt: timestamp("revealed_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    supersededById: uuid("superseded_by_id"),
    deprecatedAt: timestamp("deprecated_at", { withTimezone: true }),
    ...reviewDateColumns(),
  },
  (t) => [index("decisions_team_idx").on(t.teamId, t.createdAt), foreignKey({ columns: [t.supersededById], foreignColumns: [t.id] })],
);

export const options = pgTable(
  "options",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    frameworkSlug: text("framework_slug").references(() => frameworks.slug),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    link: text("link"),
    position: integer("position").notNull(),
  },
  (t) => [index("options_decision_idx").on(t.decisionId, t.position)],
);

export const criteria = pgTable(
  "criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull(),
  },
  (t) => [index("criteria_decision_idx").on(t.decisionId, t.position)],
);

export const ballotKind = pgEnum("ballot_kind", ["weights", "scores"]);

/** One row per member and sheet: who has submitted, for progress and the history; `saves` counts saves (1 after the first). */
export const ballots = pgTable(
  "ballots",
  {
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: ballotKind("kind").notNull(),
    round: integer("round").notNull().default(1),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    saves: integer("saves").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.userId, t.kind, t.round] })],
);

export const weights = pgTable(
  "weights",
  {
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    criterionId: uuid("criterion_id")
      .notNull()
      .references(() => criteria.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    weight: integer("weight").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.criterionId, t.userId] }),
    index("weights_decision_idx").on(t.decisionId),
    check("weights_range", sql`${t.weight} between 0 and 10`),
  ],
);

export const scores = pgTable(
  "scores",
  {
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    round: integer("round").notNull().default(1),
    optionId: uuid("option_id")
      .notNull()
      .references(() => options.id, { onDelete: "cascade" }),
    criterionId: uuid("criterion_id")
      .notNull()
      .references(() => criteria.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    score: integer("score").notNull(),
    comment: text("comment"),
    evidenceUrl: text("evidence_url"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.round, t.optionId, t.criterionId, t.userId] }),
    // A member's own sheet (their saves, their scores page) is read by decision, round and member:
    // with the member last in the index, a save finds its rows without reading the whole team's.
    index("scores_decision_idx").on(t.decisionId, t.round, t.userId),
    check("scores_range", sql`${t.score} between 1 and 5`),
  ],
);

export type AdrRecord = {
  context: string;
  decision: string;
  consequencesGood: string;
  consequencesBad: string;
  justification: string | null;
};

/** The decided record. Written once, with the tally and inputs frozen as they were at that moment. */
export const outcomes = pgTable("outcomes", {
  decisionId: uuid("decision_id")
    .primaryKey()
    .references(() => decisions.id, { onDelete: "cascade" }),
  chosenOptionId: uuid("chosen_option_id")
    .notNull()
    .references(() => options.id),
  chosenOptionName: text("chosen_option_name").notNull(),
  record: jsonb("record").$type<AdrRecord>().notNull(),
  snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
  decidedBy: uuid("decided_by")
    .notNull()
    .references(() => users.id),
  decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
});

// Append-only: a trigger in the migrations rejects UPDATE, DELETE and TRUNCATE.
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    decisionId: uuid("decision_id").references(() => decisions.id),
    actorId: uuid("actor_id").references(() => users.id),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    // The transaction that inserted it. Ids are taken at insert but committed in any order, and a
    // rolled-back insert leaves its id unused, so readers of the table as an outbox go by this
    // instead: an event is read once every transaction that began before its own has ended.
    txid: xid8("txid")
      .notNull()
      .default(sql`pg_current_xact_id()`),
    // The team's history as a hash chain, filled in by the database on insert (trigger
    // events_chain): the event's place in its team's chain, the previous event's hash, and its own.
    teamSeq: bigint("team_seq", { mode: "number" }).notNull().default(0),
    prevHash: text("prev_hash").notNull().default(""),
    hash: text("hash").notNull().default(""),
  },
  (t) => [
    index("events_team_idx").on(t.teamId, t.id),
    index("events_decision_idx").on(t.decisionId, t.id),
    index("events_txid_idx").on(t.txid, t.id),
    uniqueIndex("events_team_seq_idx").on(t.teamId, t.teamSeq),
  ],
);

/**
 * Sign-in attempts counted per limit: an email at one client address, one address across all
 * emails, one email across all addresses. Rows are shared by every app server through the database.
 */
export const signInLimits = pgTable(
  "sign_in_limits",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    failures: integer("failures").notNull().default(0),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

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
export type Decision = typeof decisions.$inferSelect;
export type Option = typeof options.$inferSelect;
export type Criterion = typeof criteria.$inferSelect;

export * from "./schema-notifications";
export * from "./schema-history";
export * from "./schema-discussion";
export * from "./schema-reviews";
export * from "./schema-webhooks";
export * from "./schema-accounts";
