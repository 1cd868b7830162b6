CREATE TABLE "decision_reviews" (
	"decision_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"learned" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_reviews_decision_id_user_id_pk" PRIMARY KEY("decision_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "review_scores" (
	"decision_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" integer NOT NULL,
	CONSTRAINT "review_scores_decision_id_user_id_criterion_id_pk" PRIMARY KEY("decision_id","user_id","criterion_id"),
	CONSTRAINT "review_scores_range" CHECK ("review_scores"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "review_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "review_announced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "decision_reviews" ADD CONSTRAINT "decision_reviews_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_reviews" ADD CONSTRAINT "decision_reviews_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_reviews" ADD CONSTRAINT "decision_reviews_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_criterion_id_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_decision_id_user_id_decision_reviews_decision_id_user_id_fk" FOREIGN KEY ("decision_id","user_id") REFERENCES "public"."decision_reviews"("decision_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_reviews_team_idx" ON "decision_reviews" USING btree ("team_id","decision_id");--> statement-breakpoint
-- Written by hand, not in db/schema.ts: the worker looks every few seconds for decisions whose review date has come and is not yet announced.
CREATE INDEX "decisions_review_due_idx" ON "decisions" USING btree ("review_due_at") WHERE "decisions"."review_announced_at" is null;--> statement-breakpoint
-- Decisions recorded before reviews existed get the default date, six months after deciding. Those
-- whose date has already passed show as due on the team page, but are not announced: nobody is sent
-- a pile of notes for old decisions on the day this version is deployed.
UPDATE "decisions" SET "review_due_at" = "decided_at" + interval '6 months',
  "review_announced_at" = CASE WHEN "decided_at" + interval '6 months' <= now() THEN now() END
WHERE "status" = 'decided' AND "decided_at" IS NOT NULL;
