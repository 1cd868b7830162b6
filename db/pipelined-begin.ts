import type { ReservedSql, Sql } from "postgres";

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

async function pipelinedBegin(client: Sql, options: string, callback: Callback): Promise<unknown> {
  const reserved: ReservedSql = await client.reserve();
  try {
    const opened = reserved.unsafe(`begin ${options.replace(/[^a-z ]/gi, "")}`).execute();
    opened.catch(() => {}); // awaited below; until then its failure is the first statement's too
    try {
      const result = await callback(reserved as unknown as Sql);
      await opened;
      // A statement whose failure was never awaited leaves the transaction aborted, and PostgreSQL
      // answers COMMIT with ROLLBACK rather than an error: that must not pass for success.
      const committed = await reserved.unsafe("commit");
      if (committed.command !== "COMMIT") throw new TransactionAbortedError();
      return result;
    } catch (error) {
      await reserved.unsafe("rollback").catch(() => {});
      throw error;
    }
  } finally {
    reserved.release();
  }
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
