import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { decisions, options, teams, users } from "./schema";

// Discussion threads (issue 12): one per decision (option_id null) and one per option. Re-exported by schema.ts.

export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id),
    // Editing a draft replaces its options: a thread whose option goes joins the decision's thread,
    // and keeps the option's name to say what it was about.
    optionId: uuid("option_id").references(() => options.id, { onDelete: "set null" }),
    optionName: text("option_name"),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    // Markdown as typed; emptied when its author removes it (the history keeps that it was removed).
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [index("comments_thread_idx").on(t.decisionId, t.optionId, t.createdAt)],
);

export type Comment = typeof comments.$inferSelect;
