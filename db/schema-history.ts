import { bigint, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { teams } from "./schema";

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
