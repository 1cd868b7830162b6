import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { criteria, decisions, teams, users } from "./schema";

// Reviews of a recorded decision (issue 12, part 3): once its review date comes, the facilitator and
// the voters of the deciding round each say how the chosen option actually did. Re-exported by schema.ts.

/** One person's review of one decision; saving again replaces it. */
export const decisionReviews = pgTable(
  "decision_reviews",
  {
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    learned: text("learned").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.userId] }), index("decision_reviews_team_idx").on(t.teamId, t.decisionId)],
);

/** How the chosen option actually did on one criterion, on the scoring's 1-5 scale. */
export const reviewScores = pgTable(
  "review_scores",
  {
    decisionId: uuid("decision_id").notNull(),
    userId: uuid("user_id").notNull(),
    criterionId: uuid("criterion_id")
      .notNull()
      .references(() => criteria.id, { onDelete: "cascade" }),
    score: integer("score").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.decisionId, t.userId, t.criterionId] }),
    foreignKey({ columns: [t.decisionId, t.userId], foreignColumns: [decisionReviews.decisionId, decisionReviews.userId] }).onDelete("cascade"),
    check("review_scores_range", sql`${t.score} between 1 and 5`),
  ],
);

export type DecisionReview = typeof decisionReviews.$inferSelect;
