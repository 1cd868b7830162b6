import "server-only";
import { type Db, type DbHandle, openDb } from "./client";
import { runMigrations } from "./migrate";
import { seedCatalog } from "./seed";
import { configuredTarget } from "./target";

// Kept on globalThis: Next may load this module in several bundles (instrumentation, routes,
// dev reloads) within one process, and two PGlite instances on one directory corrupt it.
const globalKey = Symbol.for("verdict.db");
type Holder = { [globalKey]?: Promise<DbHandle> };

async function connect(): Promise<DbHandle> {
  const handle = await openDb(configuredTarget());
  await runMigrations(handle);
  await seedCatalog(handle.db);
  return handle;
}

export function dbHandle(): Promise<DbHandle> {
  const holder = globalThis as Holder;
  holder[globalKey] ??= connect().catch((error: unknown) => {
    delete holder[globalKey];
    throw error;
  });
  return holder[globalKey];
}

export async function getDb(): Promise<Db> {
  return (await dbHandle()).db;
}
