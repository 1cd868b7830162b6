CREATE TABLE "outcome_amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"author_id" uuid,
	"text" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outcome_amendments" ADD CONSTRAINT "outcome_amendments_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_amendments" ADD CONSTRAINT "outcome_amendments_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_amendments" ADD CONSTRAINT "outcome_amendments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outcome_amendments_decision_idx" ON "outcome_amendments" USING btree ("decision_id","created_at");--> statement-breakpoint
-- An amendment is part of the record: once written it never changes and is never removed.
CREATE FUNCTION reject_amendment_mutation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'amendments are append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER outcome_amendments_no_update_or_delete
  BEFORE UPDATE OR DELETE ON outcome_amendments
  FOR EACH ROW EXECUTE FUNCTION reject_amendment_mutation();
