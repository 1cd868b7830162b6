import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { type Job, jobs } from "../schema";
import { rowsOf } from "./rows";

// A small Postgres queue shared by every app server and `npm run worker`: a job is claimed by
// locking its row with FOR UPDATE SKIP LOCKED and leasing it (locked_until), so two workers never
// take the same job, and a worker that dies mid-job lets it go when the lease runs out.

export type NewJob = { kind: string; payload: Record<string, unknown>; runAt?: Date };

export async function enqueueJobs(db: Executor, list: readonly NewJob[]): Promise<void> {
  if (list.length === 0) return;
  await db.insert(jobs).values(list.map((job) => ({ kind: job.kind, payload: job.payload, ...(job.runAt ? { runAt: job.runAt } : {}) })));
}

type ClaimedRow = { id: string | number; kind: string; payload: Record<string, unknown>; attempts: number };

/**
 * Takes up to `limit` due jobs of the given kinds for `leaseMs` and counts the attempt; others'
 * leased or locked rows are skipped, and so are kinds this worker has no handler for.
 */
export async function claimJobs(db: Executor, limit: number, leaseMs: number, kinds: readonly string[]): Promise<Job[]> {
  if (kinds.length === 0) return [];
  const rows = await rowsOf<ClaimedRow>(
    db,
    sql`
    update ${jobs} set locked_until = clock_timestamp() + make_interval(secs => ${leaseMs / 1000}), attempts = attempts + 1
    where id in (
      select id from ${jobs}
      where done_at is null and run_at <= clock_timestamp() and kind in (${sql.join(
        kinds.map((kind) => sql`${kind}`),
        sql`, `,
      )}) and (locked_until is null or locked_until < clock_timestamp())
      order by run_at, id
      limit ${limit}
      for update skip locked
    )
    returning id, kind, payload, attempts`,
  );
  return rows.map((row) => ({ id: Number(row.id), kind: row.kind, payload: row.payload, attempts: row.attempts }) as Job);
}

export async function completeJob(db: Executor, id: number): Promise<void> {
  await db
    .update(jobs)
    .set({ doneAt: sql`clock_timestamp()`, lockedUntil: null })
    .where(eq(jobs.id, id));
}

/** Puts a failed job back for `retryInMs`, or gives it up (done, with its error kept) when `giveUp`. */
export async function failJob(db: Executor, id: number, error: string, retry: { retryInMs: number; giveUp: boolean }): Promise<void> {
  await db
    .update(jobs)
    .set({
      lastError: error.slice(0, 2000),
      lockedUntil: null,
      runAt: sql`clock_timestamp() + make_interval(secs => ${retry.retryInMs / 1000})`,
      ...(retry.giveUp ? { doneAt: sql`clock_timestamp()` } : {}),
    })
    .where(eq(jobs.id, id));
}
