import { env } from "../lib/env";
import { grantAppRole } from "./app-role";
import type { DbHandle } from "./client";
import { runMigrations } from "./migrate";
import { seedCatalog } from "./seed";

/**
 * Brings a database up to date: migrations, the framework catalog, and, when APP_DATABASE_ROLE
 * is set, the app's least-privilege role and its grants. Runs as the schema's owning role.
 * Returns what it did, for the command line.
 */
export async function prepareDatabase(handle: DbHandle): Promise<string> {
  await runMigrations(handle);
  await seedCatalog(handle.db);
  const { APP_DATABASE_ROLE, APP_DATABASE_PASSWORD } = env();
  if (!APP_DATABASE_ROLE) return "schema up to date, catalog loaded";
  if (handle.target.driver === "pglite") return `schema up to date, catalog loaded (APP_DATABASE_ROLE ignored: PGlite has no roles)`;
  await grantAppRole(handle.db, APP_DATABASE_ROLE, APP_DATABASE_PASSWORD);
  return `schema up to date, catalog loaded, role ${APP_DATABASE_ROLE} granted the app's privileges`;
}
