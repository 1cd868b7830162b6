CREATE TYPE "public"."ballot_kind" AS ENUM('weights', 'scores');--> statement-breakpoint
CREATE TYPE "public"."decision_status" AS ENUM('draft', 'weighting', 'scoring', 'revealed', 'decided', 'withdrawn');--> statement-breakpoint
CREATE TABLE "ballots" (
	"decision_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "ballot_kind" NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ballots_decision_id_user_id_kind_round_pk" PRIMARY KEY("decision_id","user_id","kind","round")
);
--> statement-breakpoint
CREATE TABLE "criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"title" text NOT NULL,
	"context" text DEFAULT '' NOT NULL,
	"facilitator_id" uuid NOT NULL,
	"status" "decision_status" DEFAULT 'draft' NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"weighting_deadline" timestamp with time zone,
	"scoring_deadline" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revealed_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"superseded_by_id" uuid,
	"deprecated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"framework_slug" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"link" text,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcomes" (
	"decision_id" uuid PRIMARY KEY NOT NULL,
	"chosen_option_id" uuid NOT NULL,
	"chosen_option_name" text NOT NULL,
	"record" jsonb NOT NULL,
	"snapshot" jsonb NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scores" (
	"decision_id" uuid NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"option_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"evidence_url" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scores_round_option_id_criterion_id_user_id_pk" PRIMARY KEY("round","option_id","criterion_id","user_id"),
	CONSTRAINT "scores_range" CHECK ("scores"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "weights" (
	"decision_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"weight" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "weights_criterion_id_user_id_pk" PRIMARY KEY("criterion_id","user_id"),
	CONSTRAINT "weights_range" CHECK ("weights"."weight" between 0 and 10)
);
--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_facilitator_id_users_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_superseded_by_id_decisions_id_fk" FOREIGN KEY ("superseded_by_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "options" ADD CONSTRAINT "options_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "options" ADD CONSTRAINT "options_framework_slug_frameworks_slug_fk" FOREIGN KEY ("framework_slug") REFERENCES "public"."frameworks"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_chosen_option_id_options_id_fk" FOREIGN KEY ("chosen_option_id") REFERENCES "public"."options"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_option_id_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."options"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_criterion_id_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weights" ADD CONSTRAINT "weights_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weights" ADD CONSTRAINT "weights_criterion_id_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weights" ADD CONSTRAINT "weights_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "criteria_decision_idx" ON "criteria" USING btree ("decision_id","position");--> statement-breakpoint
CREATE INDEX "decisions_team_idx" ON "decisions" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE INDEX "options_decision_idx" ON "options" USING btree ("decision_id","position");--> statement-breakpoint
CREATE INDEX "scores_decision_idx" ON "scores" USING btree ("decision_id","round");--> statement-breakpoint
CREATE INDEX "weights_decision_idx" ON "weights" USING btree ("decision_id");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;