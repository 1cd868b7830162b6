import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { teams, users } from "./schema";

// Outgoing webhooks (issue 11). Re-exported by schema.ts, like schema-notifications.ts.

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** A team's webhook. Its cursor over the events table is the event_cursors row `webhook:<id>`. */
export const webhooks = pgTable(
  "webhooks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    format: text("format").notNull(),
    eventTypes: text("event_types").array().notNull(),
    // AES-256-GCM under a key derived from AUTH_SECRET, bound to the webhook's id: the worker must
    // read it to sign, so it cannot be hashed; sealing keeps it out of a dump of the database alone.
    secretSealed: text("secret_sealed").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("webhooks_team_idx").on(t.teamId), check("webhooks_format", sql`${t.format} in ('slack', 'json')`)],
);

/** One per webhook and event (or test): its state across attempts. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    teamId: uuid("team_id").notNull(),
    // Null for a test request, which no event stands behind.
    eventId: bigint("event_id", { mode: "number" }),
    eventType: text("event_type").notNull(),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    // A repeated outbox step cannot queue an event twice for one webhook.
    uniqueIndex("webhook_deliveries_webhook_event_idx").on(t.webhookId, t.eventId),
    check("webhook_deliveries_status", sql`${t.status} in ('pending', 'delivered', 'failed')`),
  ],
);

/** The delivery log: one row per request made (or refused before it was made). */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    deliveryId: bigint("delivery_id", { mode: "number" })
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    teamId: uuid("team_id").notNull(),
    attempt: integer("attempt").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    // When the next attempt is due; null once delivered or given up.
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_attempts_team_idx").on(t.teamId, t.id)],
);

export type Webhook = typeof webhooks.$inferSelect;
