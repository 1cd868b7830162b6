import "server-only";
import { type SQL, sql } from "drizzle-orm";

/** Stored JSON as the driver hands it over: parsed already (postgres.js, PGlite), or as text. */
const fromJson = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

/**
 * A subquery that builds a JSON array (json_agg), read back as a list; empty when it finds no rows.
 * How a page's query brings a short list along with its other columns, in one round trip.
 */
export const jsonList = <T>(query: SQL) => sql<T[]>`coalesce((${query}), '[]'::json)`.mapWith((value) => fromJson<T[]>(value));
