import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type DbHandle, openDb } from "../../db/client";
import { users } from "../../db/schema";
import { DATABASE_UNAVAILABLE_DIGEST, DatabaseUnavailableError } from "../../lib/database-unavailable";
import { createUser } from "../support/factories";
import { AppError } from "../../lib/errors";
import { databaseError, rejectionOf } from "../support/inspect";

function codesIn(error: unknown): unknown[] {
  const codes: unknown[] = [];
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    codes.push((e as { code?: unknown }).code);
  }
  return codes;
}

// PostgreSQL only: PGlite runs in-process and cannot become unreachable. The full restart is in
// tests/e2e/database-outage.spec.ts; here, the driver's side of it.

describe("a database that cannot be reached [postgres]", () => {
  let unreachable: DbHandle;

  beforeAll(async () => {
    // Port 1 on loopback: nothing listens there, so every connection is refused at once.
    unreachable = await openDb({ driver: "postgres", url: "postgres://postgres@127.0.0.1:1/verdict", maxConnections: 2 });
  });
  afterAll(() => unreachable?.close());

  test.each([
    ["a query", () => unreachable.db.select().from(users).limit(1)],
    ["a raw statement", () => unreachable.db.execute(sql`select 1`)],
    ["a transaction", () => unreachable.db.transaction(async (tx) => tx.select().from(users).limit(1))],
  ] as const)("%s fails fast with the error the pages recognise", async (_what, run) => {
    const started = Date.now();
    const error = await rejectionOf(run());
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as DatabaseUnavailableError).digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
    expect(codesIn(error)).toContain("ECONNREFUSED");
  });
});

describe("a reachable database keeps its own errors [postgres]", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openDb({ driver: "postgres", url: inject("databaseUrl"), maxConnections: 2 });
  });
  afterAll(() => handle?.close());

  test("a failing statement is not an outage, and its SQLSTATE stays readable", async () => {
    const error = await rejectionOf(handle.db.execute(sql`select 1 / 0`));
    expect(error).not.toBeInstanceOf(DatabaseUnavailableError);
    expect(databaseError(error).code).toBe("22012");
  });

  test("a duplicate email is still the person's mistake, not an outage", async () => {
    const person = await createUser(handle.db);
    const error = await rejectionOf(createUser(handle.db, { email: person.email }));
    expect(error).not.toBeInstanceOf(DatabaseUnavailableError);
    expect(error).toBeInstanceOf(AppError);
  });

  test("a statement the server ends for taking too long counts as temporarily unavailable", async () => {
    const error = await rejectionOf(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`set local statement_timeout = 50`);
        await tx.execute(sql`select pg_sleep(1)`);
      }),
    );
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
  });
});
