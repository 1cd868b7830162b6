import "server-only";
import type { SQL } from "drizzle-orm";
import type { Executor } from "../client";

/** Rows of a raw statement, whichever driver ran it: postgres.js returns them, PGlite wraps them in { rows }. */
export async function rowsOf<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
