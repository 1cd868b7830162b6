import { describe, expect, test } from "vitest";
import { classifyDatabaseError, DATABASE_UNAVAILABLE_DIGEST, DatabaseUnavailableError, isDatabaseUnavailable } from "@/lib/database-unavailable";

const withCode = (code: string, message = "boom") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  test.each([
    ["a refused connection", withCode("ECONNREFUSED")],
    ["postgres.js giving up on connecting", withCode("CONNECT_TIMEOUT")],
    ["a connection closed under a query", withCode("CONNECTION_CLOSED")],
    ["an administrator shutdown (pg_ctl stop -m fast)", withCode("57P01")],
    ["a server still starting up", withCode("57P03")],
    ["a statement timeout", withCode("57014")],
    ["Drizzle's wrapper around a refused connection", new Error("Failed query", { cause: withCode("ECONNREFUSED") })],
    ["Auth.js's wrapper (cause.err)", Object.assign(new Error("CallbackRouteError"), { cause: { err: new DatabaseUnavailableError() } })],
    ["Node's AggregateError from several addresses", new AggregateError([withCode("ECONNREFUSED")], "connect")],
    ["an error already classified, after serialisation", Object.assign(new Error("hidden"), { digest: DATABASE_UNAVAILABLE_DIGEST })],
  ])("%s is an outage", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test.each([
    ["a unique violation", withCode("23505")],
    ["a permission error", withCode("42501")],
    ["a syntax error", withCode("42601")],
    ["a plain error", new Error("ECONNREFUSED in the message only")],
    ["a string", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("%s is not", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  test("a cause cycle ends the walk instead of looping", () => {
    const a: { cause?: unknown } = {};
    const b = { cause: a };
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe("classifyDatabaseError", () => {
  test("turns an outage into one error that carries the digest the error pages read", () => {
    const cause = withCode("57P01");
    const classified = classifyDatabaseError(cause);
    expect(classified).toBeInstanceOf(DatabaseUnavailableError);
    expect(classified).toMatchObject({ digest: DATABASE_UNAVAILABLE_DIGEST, cause });
  });

  test("passes anything else through untouched", () => {
    const error = withCode("23505");
    expect(classifyDatabaseError(error)).toBe(error);
  });
});
