import "server-only";
import { classifyDatabaseError } from "../lib/database-unavailable";
import { env } from "../lib/env";
import { canMigrate } from "./app-role";
import { type Db, type DbHandle, openDb } from "./client";
import { prepareDatabase } from "./prepare";
import { configuredTarget, migrationTarget } from "./target";

// Kept on globalThis: Next may load this module in several bundles (instrumentation, routes,
// dev reloads) within one process, and two PGlite instances on one directory corrupt it.
const globalKey = Symbol.for("verdict.db");
type Holder = { [globalKey]?: Promise<DbHandle> };

/**
 * Migrates before serving: through MIGRATION_DATABASE_URL when it is set; else through the app's
 * own connection, unless that role does not own the schema (a least-privilege role), in which
 * case it says so and serves the schema as it is.
 */
async function prepareSchema(app: DbHandle): Promise<void> {
  if (app.target.driver === "pglite") {
    await prepareDatabase(app);
    return;
  }
  if (env().MIGRATION_DATABASE_URL) {
    const owner = await openDb(migrationTarget());
    try {
      await prepareDatabase(owner);
    } finally {
      await owner.close();
    }
    return;
  }
  const { allowed, role } = await canMigrate(app.db);
  if (allowed) {
    await prepareDatabase(app);
    return;
  }
  console.warn(
    `[verdict] not migrating at start-up: DATABASE_URL's role "${role}" does not own the schema. ` +
      "Run `npm run db:migrate` with MIGRATION_DATABASE_URL set to the owning role before starting a new version.",
  );
}

async function connect(): Promise<DbHandle> {
  const handle = await openDb(configuredTarget());
  try {
    await prepareSchema(handle);
    return handle;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

/**
 * The process's one database handle. A failed first connect (say, PostgreSQL is down) is not
 * kept: the next request tries again, so the server heals without a restart.
 */
export function dbHandle(): Promise<DbHandle> {
  const holder = globalThis as Holder;
  holder[globalKey] ??= connect().catch((error: unknown) => {
    delete holder[globalKey];
    throw classifyDatabaseError(error);
  });
  return holder[globalKey];
}

export async function getDb(): Promise<Db> {
  return (await dbHandle()).db;
}

const workerKey = Symbol.for("verdict.worker-db");
type WorkerHolder = { [workerKey]?: Promise<DbHandle> };

/**
 * The in-server worker's database handle. On PostgreSQL it has connections of its own: the worker
 * keeps stepping through an outage, and postgres.js waits longer before each reconnection of a
 * client whose attempts failed, so sharing the requests' client would slow their recovery once
 * the database is back. On PGlite it is the one handle (one process per directory).
 */
export function workerDbHandle(): Promise<DbHandle> {
  const holder = globalThis as WorkerHolder;
  holder[workerKey] ??= (async () => {
    const main = await dbHandle(); // migrated and ready
    return main.target.driver === "pglite" ? main : openDb({ ...main.target, maxConnections: 3 });
  })().catch((error: unknown) => {
    delete holder[workerKey];
    throw classifyDatabaseError(error);
  });
  return holder[workerKey];
}
