-- Every appended event is announced on the channel `verdict_events`, from the database itself, so
-- no writer can forget it and every app server LISTENing on the database hears it (after commit).
-- The notice names the event only: never its payload, so no sealed value travels.
CREATE FUNCTION notify_event_appended() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(
    'verdict_events',
    json_build_object('id', NEW.id, 'teamId', NEW.team_id, 'decisionId', NEW.decision_id, 'type', NEW.type)::text
  );
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_notify_appended
  AFTER INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION notify_event_appended();
