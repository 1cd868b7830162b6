ALTER TABLE "ballots" ADD COLUMN "saves" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Fails the statement that calls it, with SQLSTATE VR001 and the reason given. A statement sent
-- together with its COMMIT cannot be rolled back by the app once its answer is read; a check it
-- makes itself must end the transaction from inside, and this is how.
CREATE FUNCTION refuse_statement(reason text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'VR001', MESSAGE = reason;
END;
$$;
