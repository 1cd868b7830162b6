CREATE TABLE "history_checks" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"intact_count" integer NOT NULL,
	"intact_through" timestamp with time zone,
	"head_hash" text NOT NULL,
	"broken_event_id" bigint,
	"broken_reason" text
);
--> statement-breakpoint
CREATE TABLE "history_heads" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"event_id" bigint
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "team_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "history_checks" ADD CONSTRAINT "history_checks_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "history_heads" ADD CONSTRAINT "history_heads_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The text an event's hash is taken over: a version tag, the previous hash, its place in the team's
-- chain and its own fields, one per line, the payload last as the database renders it. The same
-- text is built by lib/domain/history-chain.ts, so the chain can be checked outside the database.
CREATE FUNCTION event_chain_hash(prev text, seq bigint, id bigint, team uuid, decision uuid, actor uuid, kind text, created timestamptz, payload jsonb)
RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\n',
    'verdict-event-v1', prev, seq::text, id::text, team::text, coalesce(decision::text, ''), coalesce(actor::text, ''), kind,
    (extract(epoch from created) * 1000000)::bigint::text, payload::text), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Chains each new event to the previous one of its team. It locks the team's head row, so two
-- transactions appending to one team take turns; it runs with its owner's rights, so the app's role
-- needs no right to write the heads and cannot move them.
CREATE FUNCTION chain_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM history_heads WHERE team_id = NEW.team_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO history_heads (team_id, seq, hash) VALUES (NEW.team_id, 0, '') ON CONFLICT (team_id) DO NOTHING;
    SELECT seq, hash INTO head_seq, head_hash FROM history_heads WHERE team_id = NEW.team_id FOR UPDATE;
  END IF;
  NEW.team_seq := head_seq + 1;
  NEW.prev_hash := head_hash;
  NEW.hash := event_chain_hash(NEW.prev_hash, NEW.team_seq, NEW.id, NEW.team_id, NEW.decision_id, NEW.actor_id, NEW.type, NEW.created_at, NEW.payload);
  UPDATE history_heads SET seq = NEW.team_seq, hash = NEW.hash, event_id = NEW.id WHERE team_id = NEW.team_id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- The history so far is chained in id order, once, by this migration.
ALTER TABLE "events" DISABLE TRIGGER events_no_update_or_delete;
--> statement-breakpoint
DO $$
DECLARE
  r record;
  current_team uuid;
  prev text;
  n bigint;
  h text;
BEGIN
  FOR r IN SELECT * FROM events ORDER BY team_id, id LOOP
    IF current_team IS DISTINCT FROM r.team_id THEN
      IF current_team IS NOT NULL THEN
        INSERT INTO history_heads (team_id, seq, hash, event_id) SELECT current_team, n, prev, max(id) FROM events WHERE team_id = current_team;
      END IF;
      current_team := r.team_id;
      prev := '';
      n := 0;
    END IF;
    n := n + 1;
    h := event_chain_hash(prev, n, r.id, r.team_id, r.decision_id, r.actor_id, r.type, r.created_at, r.payload);
    UPDATE events SET team_seq = n, prev_hash = prev, hash = h WHERE id = r.id;
    prev := h;
  END LOOP;
  IF current_team IS NOT NULL THEN
    INSERT INTO history_heads (team_id, seq, hash, event_id) SELECT current_team, n, prev, max(id) FROM events WHERE team_id = current_team;
  END IF;
END;
$$;
--> statement-breakpoint
ALTER TABLE "events" ENABLE TRIGGER events_no_update_or_delete;
--> statement-breakpoint
CREATE UNIQUE INDEX "events_team_seq_idx" ON "events" USING btree ("team_id","team_seq");
--> statement-breakpoint
CREATE TRIGGER events_chain
  BEFORE INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION chain_event();
