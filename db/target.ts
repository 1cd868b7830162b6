import { env } from "../lib/env";
import type { DbTarget } from "./client";

/** DATABASE_URL picks PostgreSQL; without it the app runs on embedded PGlite in PGLITE_DIR. */
export function configuredTarget(): DbTarget {
  const { DATABASE_URL, PGLITE_DIR } = env();
  return DATABASE_URL ? { driver: "postgres", url: DATABASE_URL } : { driver: "pglite", dataDir: PGLITE_DIR };
}

/** Where migrations, the catalog and the demo data are written: the schema's owner, by default the app's own URL. */
export function migrationTarget(): DbTarget {
  const { MIGRATION_DATABASE_URL } = env();
  return MIGRATION_DATABASE_URL ? { driver: "postgres", url: MIGRATION_DATABASE_URL } : configuredTarget();
}

export function describeTarget(target: DbTarget): string {
  if (target.driver === "pglite") return `embedded PGlite in ${target.dataDir}`;
  const url = new URL(target.url);
  const role = url.username ? ` as ${decodeURIComponent(url.username)}` : "";
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}${role}`;
}
