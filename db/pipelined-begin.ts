import { is, type SQL, sql } from "drizzle-orm";
import { PostgresJsTransaction } from "drizzle-orm/postgres-js";
import type { ReservedSql, Sql } from "postgres";
import type { Tx } from "./client";
import { rowsIn } from "./queries/rows";

// postgres.js opens a transaction by sending BEGIN and waiting for its answer before the first
// statement goes out: one round trip that carries nothing. Here BEGIN is queued on a reserved
// connection and leaves in the same write as the transaction's first statements (the driver
// gathers what is queued within one turn of the event loop), so a save costs one round trip less.

type Callback = (sql: Sql) => unknown;

/** COMMIT answered ROLLBACK: a statement failed and nobody awaited it, so nothing was written. */
export class TransactionAbortedError extends Error {
  constructor() {
    super("The transaction was rolled back: one of its statements failed");
  }
}

const COMMIT = "commit";

/** The reserved connection, noting when the work sends COMMIT itself (see finishTransaction). */
function noticingCommit(reserved: ReservedSql, ended: { byWork: boolean }): Sql {
  return new Proxy(reserved, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== "unsafe") return value;
      return (text: string, ...rest: unknown[]) => {
        if (text === COMMIT) ended.byWork = true;
        return (value as (...args: unknown[]) => unknown).call(target, text, ...rest);
      };
    },
  }) as unknown as Sql;
}

async function pipelinedBegin(client: Sql, options: string, callback: Callback): Promise<unknown> {
  const reserved: ReservedSql = await client.reserve();
  const ended = { byWork: false };
  try {
    const opened = reserved.unsafe(`begin ${options.replace(/[^a-z ]/gi, "")}`).execute();
    opened.catch(() => {}); // awaited below; until then its failure is the first statement's too
    try {
      const result = await callback(noticingCommit(reserved, ended));
      await opened;
      if (ended.byWork) return result;
      // A statement whose failure was never awaited leaves the transaction aborted, and PostgreSQL
      // answers COMMIT with ROLLBACK rather than an error: that must not pass for success.
      const committed = await reserved.unsafe(COMMIT);
      if (committed.command !== "COMMIT") throw new TransactionAbortedError();
      return result;
    } catch (error) {
      if (!ended.byWork) await reserved.unsafe("rollback").catch(() => {});
      throw error;
    }
  } finally {
    reserved.release();
  }
}

type Answer = { command?: string } & unknown[];

/**
 * Runs a transaction's last statements, in order. On PostgreSQL, COMMIT leaves in the same write
 * as them, so ending the transaction costs no round trip of its own, and a lock these statements
 * take (a team's history-chain head) is held only while the database works, not while their
 * answer travels here and a COMMIT travels back. Resolves to each statement's rows once committed;
 * when one fails, rejects with that failure and nothing is written. The work must not run anything
 * in the transaction after this, nor inside a nested one. On PGlite the statements run one after
 * the other and the transaction commits as usual.
 */
export async function finishTransaction(tx: Tx, statements: SQL[]): Promise<unknown[][]> {
  if (!is(tx, PostgresJsTransaction)) {
    const rows: unknown[][] = [];
    for (const statement of statements) rows.push(rowsIn(await tx.execute(statement)));
    return rows;
  }
  // Each is started here, in order, down the same path to the driver, so the driver queues them
  // (and COMMIT last) in this order on the transaction's connection.
  const sent = [...statements, sql.raw(COMMIT)].map((statement) => tx.execute(statement).execute() as Promise<Answer>);
  const answers = await Promise.allSettled(sent);
  // After a failure the later statements are refused too; the first failure is the cause.
  const failure = answers.find((answer) => answer.status === "rejected");
  if (failure) throw failure.reason;
  const values = answers.map((answer) => (answer as PromiseFulfilledResult<Answer>).value);
  if (values.at(-1)!.command !== "COMMIT") throw new TransactionAbortedError();
  return values.slice(0, -1).map((answer) => rowsIn(answer));
}

/** The client with `begin` sent together with the transaction's first statements; the rest unchanged. */
export function pipeliningBegin(client: Sql): Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== "begin") return Reflect.get(target, property, receiver);
      return (...args: unknown[]) => {
        const callback = args.at(-1) as Callback;
        const options = args.length > 1 && typeof args[0] === "string" ? args[0] : "";
        return pipelinedBegin(target, options, callback);
      };
    },
  });
}
