DROP INDEX "scores_decision_idx";--> statement-breakpoint
CREATE INDEX "scores_decision_idx" ON "scores" USING btree ("decision_id","round","user_id");