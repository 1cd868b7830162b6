import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { type Db, type DbHandle, openDb, pgliteHandle } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import "./test-database";

export const DRIVERS = ["pglite", "postgres"] as const;
export type Driver = (typeof DRIVERS)[number];

export type DriverContext = {
  readonly driver: Driver;
  /** Only usable inside hooks and tests: the database opens in beforeAll. */
  readonly db: Db;
  /** The same database, reporting each statement it runs (see tests/support/query-count.ts). */
  observed(onQuery: (sql: string) => void): Db;
  /** The handle's LISTEN (see DbHandle.listen): a connection of its own on PostgreSQL. */
  listen: DbHandle["listen"];
};

/** Like openDb({ driver: "pglite" }), but starts from global setup's template instead of a slow initdb. */
async function openFreshPglite(): Promise<DbHandle> {
  const template = await readFile(inject("pgliteTemplatePath"));
  const client = await PGlite.create({ loadDataDir: new Blob([template]) });
  return pgliteHandle(client, { driver: "pglite" });
}

async function openTestDb(driver: Driver): Promise<DbHandle> {
  if (driver === "postgres") {
    // Global setup already migrated this database; every file shares it, so test data must be unique.
    return openDb({ driver: "postgres", url: inject("databaseUrl"), maxConnections: 10 });
  }
  const handle = await openFreshPglite();
  await runMigrations(handle);
  return handle;
}

/** Runs the whole suite once per driver, each against its own open database. */
export function describeEachDriver(name: string, suite: (ctx: DriverContext) => void): void {
  describe.each(DRIVERS)(`${name} [%s]`, (driver) => {
    let handle: DbHandle | undefined;
    const ctx: DriverContext = {
      driver,
      get db() {
        if (!handle) throw new Error("The test database is not open yet: use ctx.db inside hooks and tests only.");
        return handle.db;
      },
      observed(onQuery) {
        if (!handle) throw new Error("The test database is not open yet: use ctx.observed inside hooks and tests only.");
        return handle.observed(onQuery);
      },
      listen(channel, onNotify, onListen) {
        if (!handle) throw new Error("The test database is not open yet: use ctx.listen inside hooks and tests only.");
        return handle.listen(channel, onNotify, onListen);
      },
    };
    beforeAll(async () => {
      handle = await openTestDb(driver);
    });
    afterAll(async () => {
      await handle?.close();
      handle = undefined;
    });
    suite(ctx);
  });
}
