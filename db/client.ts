import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { classifyDatabaseError } from "../lib/database-unavailable";
import { pipeliningBegin } from "./pipelined-begin";
import { namingStatements } from "./prepared-statements";
import * as schema from "./schema";

type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export type DbTarget = { driver: "postgres"; url: string; maxConnections?: number } | { driver: "pglite"; dataDir?: string };

export type DbHandle = {
  db: Db;
  target: DbTarget;
  close: () => Promise<void>;
  /** The same connection, reporting every statement it runs (in transactions too): for counting queries in tests and benchmarks. */
  observed: (onQuery: (sql: string) => void) => Db;
  /**
   * LISTENs on `channel` on a connection of its own (postgres.js keeps one per client and
   * re-LISTENs after it reconnects; PGlite is in-process). `onListen` runs each time the LISTEN
   * is (re)established, so a caller can catch up on what it may have missed. Resolves to unlisten.
   */
  listen: (channel: string, onNotify: (payload: string) => void, onListen: () => void) => Promise<() => Promise<void>>;
};

/**
 * Connection settings chosen so an outage is reported within seconds and healed without a
 * restart: connecting gives up after 3 s (a request answers well inside 5 s), idle connections
 * are closed and every connection is renewed now and then, so none outlives a server restart for
 * long; postgres.js opens fresh connections on the next query once the server is back.
 */
export const POSTGRES_OPTIONS = {
  connect_timeout: 3,
  // Seconds a connection that failed waits before it reconnects. postgres.js's own wait grows with
  // every failure the client has had, up to 20 s, and each closed connection keeps the wait it was
  // given: after an outage of a few seconds, connections kept waiting 10 to 20 s once the database
  // was back, and a page that needed them hung as long. A try costs little (connecting gives up
  // after connect_timeout), so at most one a second.
  backoff: (failures: number) => Math.min(0.05 * 2 ** failures, 1),
  idle_timeout: 30,
  max_lifetime: 30 * 60,
  onnotice: () => {},
  connection: {
    application_name: "verdict",
    // A request must not hang on a stuck statement or a held lock; either ends as "try again".
    statement_timeout: 15_000,
    lock_timeout: 5_000,
  },
} as const;

/** Opens a database. PGlite with no dataDir lives in memory (tests); with one, it persists there. */
export async function openDb(target: DbTarget): Promise<DbHandle> {
  if (target.driver === "postgres") {
    const raw = postgres(target.url, { ...POSTGRES_OPTIONS, max: target.maxConnections ?? 10 });
    const client = namingStatements(pipeliningBegin(raw));
    const db = reportUnavailability(drizzlePostgres({ client, schema }) as unknown as Db);
    const observed = (onQuery: (sql: string) => void) =>
      reportUnavailability(drizzlePostgres({ client, schema, logger: { logQuery: onQuery } }) as unknown as Db);
    // LISTEN on a client of its own: postgres.js counts failed connection attempts per client and
    // waits longer before each next one, and a LISTEN retries all through an outage, which would
    // hold back the queries' own reconnection once the database is back.
    let listener: ReturnType<typeof postgres> | undefined;
    const listen: DbHandle["listen"] = async (channel, onNotify, onListen) => {
      listener ??= postgres(target.url, { ...POSTGRES_OPTIONS, max: 1 });
      const { unlisten } = await listener.listen(channel, onNotify, onListen);
      return unlisten;
    };
    const close = async () => {
      await Promise.all([raw.end({ timeout: 5 }), listener?.end({ timeout: 5 })]);
    };
    return { db, target, close, observed, listen };
  }
  const client = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
  await client.waitReady;
  return pgliteHandle(client, target);
}

/** A handle on an open PGlite database. */
export function pgliteHandle(client: PGlite, target: DbTarget): DbHandle {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const observed = (onQuery: (sql: string) => void) => drizzlePglite({ client, schema, logger: { logQuery: onQuery } }) as unknown as Db;
  const listen: DbHandle["listen"] = async (channel, onNotify, onListen) => {
    const unlisten = await client.listen(channel, onNotify);
    onListen();
    return () => unlisten();
  };
  return { db, target, close: () => client.close(), observed, listen };
}

type Prepared = { execute: (...args: unknown[]) => Promise<unknown>; all: (...args: unknown[]) => Promise<unknown> };
type Session = {
  prepareQuery: (...args: unknown[]) => Prepared;
  transaction: (...args: unknown[]) => Promise<unknown>;
};

const rethrowClassified = (error: unknown): never => {
  throw classifyDatabaseError(error);
};

/**
 * Every query and transaction runs through the session, so this is the one place where a lost
 * connection becomes a DatabaseUnavailableError, which pages, actions and routes recognise (see
 * lib/database-unavailable.ts). Any other error passes through unchanged.
 */
function reportUnavailability(db: Db): Db {
  const session = (db as unknown as { session: Session }).session;
  const prepareQuery = session.prepareQuery.bind(session);
  const transaction = session.transaction.bind(session);
  session.prepareQuery = (...args) => {
    const prepared = prepareQuery(...args);
    const execute = prepared.execute.bind(prepared);
    const all = prepared.all.bind(prepared);
    prepared.execute = (...a) => execute(...a).catch(rethrowClassified);
    prepared.all = (...a) => all(...a).catch(rethrowClassified);
    return prepared;
  };
  session.transaction = (...args) => transaction(...args).catch(rethrowClassified);
  return db;
}
