import { env } from "../lib/env";
import type { DbTarget } from "./client";

/** DATABASE_URL picks PostgreSQL; without it the app runs on embedded PGlite in PGLITE_DIR. */
export function configuredTarget(): DbTarget {
  const { DATABASE_URL, PGLITE_DIR } = env();
  return DATABASE_URL ? { driver: "postgres", url: DATABASE_URL } : { driver: "pglite", dataDir: PGLITE_DIR };
}

export function describeTarget(target: DbTarget): string {
  if (target.driver === "pglite") return `embedded PGlite in ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
