import "server-only";
import type { SQL } from "drizzle-orm";
import type { Executor } from "../client";

/** Rows of a raw statement, whichever driver ran it: postgres.js returns them, PGlite wraps them in { rows }. */
export async function rowsOf<T>(db: Executor, query: SQL): Promise<T[]> {
  return rowsIn<T>(await db.execute(query));
}

/** The rows in a raw statement's answer (see rowsOf). */
export function rowsIn<T>(answer: unknown): T[] {
  return Array.isArray(answer) ? (answer as T[]) : (answer as { rows: T[] }).rows;
}
