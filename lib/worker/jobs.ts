import "server-only";
import type { Db } from "../../db/client";
import { claimJobs, completeJob, failJob } from "../../db/queries/jobs";
import { type Job } from "../../db/schema";
import { retryDelayMs } from "../domain/notifications";

/** Runs one job; throwing puts it back for a retry. `attempt` counts this run (1 for the first). */
export type JobHandler = (payload: Record<string, unknown>, job: { attempt: number }) => Promise<void>;
/** A kind of job with a retry schedule of its own (webhooks retry for a day; emails for hours). */
export type JobKind = JobHandler | { run: JobHandler; retryDelayMs: (attempts: number) => number; maxAttempts: number };
export type JobOptions = { limit?: number; leaseMs?: number; maxAttempts?: number };

/** About three hours of retries (30 s doubling to an hour) before a job is given up with its error kept. */
export const MAX_ATTEMPTS = 10;

/**
 * Claims the due jobs (at most `limit`), runs them side by side, and records each outcome; returns
 * how many it claimed. Side by side, so one slow job (a webhook waiting out its timeout) holds the
 * others up no longer than itself.
 */
export async function runDueJobs(db: Db, handlers: Readonly<Record<string, JobKind>>, options: JobOptions = {}): Promise<number> {
  const { limit = 10, leaseMs = 60_000, maxAttempts = MAX_ATTEMPTS } = options;
  const claimed = await claimJobs(db, limit, leaseMs, Object.keys(handlers));
  await Promise.all(claimed.map((job) => runJob(db, job, handlers[job.kind], maxAttempts)));
  return claimed.length;
}

async function runJob(db: Db, job: Job, kind: JobKind | undefined, defaultMaxAttempts: number): Promise<void> {
  const schedule = typeof kind === "object" ? kind : { retryDelayMs, maxAttempts: defaultMaxAttempts };
  try {
    if (!kind) throw new Error(`No handler for jobs of kind "${job.kind}"`);
    await (typeof kind === "function" ? kind : kind.run)(job.payload, { attempt: job.attempts });
    await completeJob(db, job.id);
  } catch (error) {
    const giveUp = job.attempts >= schedule.maxAttempts;
    await failJob(db, job.id, error instanceof Error ? error.message : String(error), { retryInMs: schedule.retryDelayMs(job.attempts), giveUp });
    if (giveUp) console.error(`[verdict] job ${job.id} (${job.kind}) given up after ${job.attempts} attempts`, error);
  }
}
