// Telling "the database is down or restarting" apart from every other failure. Pure and free of
// server imports: the error pages (client components) read the digest and the message from here.

export const DATABASE_UNAVAILABLE_MESSAGE =
  "Verdict is temporarily unavailable: its database cannot be reached right now. Nothing was saved. Please try again in a minute.";

/**
 * Next.js replaces a server error's message in production but keeps a `digest` the error already
 * carries, so the error pages recognise this one by it.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "VERDICT_DATABASE_UNAVAILABLE";

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(cause?: unknown) {
    super(DATABASE_UNAVAILABLE_MESSAGE, { cause });
  }
}

// Socket failures (Node), postgres.js's own connection codes, and SQLSTATEs a server sends while
// it shuts down, starts up, is full, or gives up on a statement or lock that waited too long.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up or shutting down)
  "08000", // connection_exception
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08003", // connection_does_not_exist
  "08006", // connection_failure
  "53300", // too_many_connections
  "57014", // query_canceled (statement_timeout)
  "55P03", // lock_not_available (lock_timeout)
]);

/** Follows causes the way Drizzle (`cause`) and Auth.js (`cause.err`) wrap errors. */
function* causeChain(error: unknown): Generator<object> {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.size < 12) {
    const current = pending.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    yield current;
    const { cause, err, errors } = current as { cause?: unknown; err?: unknown; errors?: unknown };
    pending.push(cause, err);
    if (Array.isArray(errors)) pending.push(...errors.slice(0, 4));
  }
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const link of causeChain(error)) {
    if (link instanceof DatabaseUnavailableError) return true;
    if ((link as { digest?: unknown }).digest === DATABASE_UNAVAILABLE_DIGEST) return true;
    const code = (link as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  }
  return false;
}

/** The error to throw on: unavailability becomes one recognisable error, anything else passes unchanged. */
export function classifyDatabaseError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError) return error;
  return isDatabaseUnavailable(error) ? new DatabaseUnavailableError(error) : error;
}
