import type { Db } from "../../db/client";
import type { DriverContext } from "./drivers";

/**
 * Runs `work` on a database that logs every statement, and returns what it ran: how page loaders
 * and use cases are held to a fixed number of queries, whatever the size of the data.
 */
export async function countQueries<T>(ctx: DriverContext, work: (db: Db) => Promise<T>): Promise<{ result: T; queries: string[]; commits: number }> {
  const queries: string[] = [];
  let commits = 0;
  // A COMMIT sent by the work itself (db/pipelined-begin.ts, finishTransaction) ends the
  // transaction rather than querying: counted apart, so both drivers count the same queries.
  const result = await work(ctx.observed((sql) => (sql === "commit" ? commits++ : queries.push(sql))));
  return { result, queries, commits };
}
