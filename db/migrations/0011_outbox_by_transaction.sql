ALTER TABLE "events" ADD COLUMN "txid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "event_cursors" ADD COLUMN "last_txid" "xid8" DEFAULT '0' NOT NULL;--> statement-breakpoint
CREATE INDEX "events_txid_idx" ON "events" USING btree ("txid","id");--> statement-breakpoint
ALTER TABLE "event_cursors" DROP COLUMN "hole_since";--> statement-breakpoint
-- Every event there is now was given this migration's transaction id above, so a cursor keeps its
-- place as the same last id within that transaction.
UPDATE "event_cursors" SET "last_txid" = pg_current_xact_id();
