import { bigint, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { decisions, teams, users } from "./schema";

// The history's hash chain (issue 12). Re-exported by schema.ts.

/**
 * The latest link of each team's chain. Written only by the events_chain trigger, which runs with
 * its owner's rights: the app's own role may read it, never write it. Locking this row is what
 * serialises concurrent inserts in one team.
 */
export const historyHeads = pgTable("history_heads", {
  teamId: uuid("team_id")
    .primaryKey()
    .references(() => teams.id),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
  eventId: bigint("event_id", { mode: "number" }),
});

/** The last check of a team's chain, by the worker: intact up to which event, or where it broke. */
export const historyChecks = pgTable("history_checks", {
  teamId: uuid("team_id")
    .primaryKey()
    .references(() => teams.id, { onDelete: "cascade" }),
  checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
  // How many events were found intact, from the first, and the time of the last of them.
  intactCount: integer("intact_count").notNull(),
  intactThrough: timestamp("intact_through", { withTimezone: true }),
  headHash: text("head_hash").notNull(),
  // The first event that does not match, and why; null when the whole chain holds.
  brokenEventId: bigint("broken_event_id", { mode: "number" }),
  brokenReason: text("broken_reason"),
});

/**
 * Dated amendments to a recorded decision: the record itself never changes, an amendment is shown
 * under it and carried into every export. Append-only, like the events.
 */
export const outcomeAmendments = pgTable(
  "outcome_amendments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id),
    authorId: uuid("author_id").references(() => users.id),
    text: text("text").notNull(),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outcome_amendments_decision_idx").on(t.decisionId, t.createdAt)],
);

export type OutcomeAmendment = typeof outcomeAmendments.$inferSelect;
