import "server-only";
import type { Db } from "../../db/client";
import { claimJobs, completeJob, failJob } from "../../db/queries/jobs";
import { retryDelayMs } from "../domain/notifications";

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;
export type JobOptions = { limit?: number; leaseMs?: number; maxAttempts?: number };

/** About three hours of retries (30 s doubling to an hour) before a job is given up with its error kept. */
export const MAX_ATTEMPTS = 10;

/** Claims the due jobs (at most `limit`), runs each, and records the outcome; returns how many it claimed. */
export async function runDueJobs(db: Db, handlers: Readonly<Record<string, JobHandler>>, options: JobOptions = {}): Promise<number> {
  const { limit = 10, leaseMs = 60_000, maxAttempts = MAX_ATTEMPTS } = options;
  const claimed = await claimJobs(db, limit, leaseMs);
  for (const job of claimed) {
    try {
      const handler = handlers[job.kind];
      if (!handler) throw new Error(`No handler for jobs of kind "${job.kind}"`);
      await handler(job.payload);
      await completeJob(db, job.id);
    } catch (error) {
      const giveUp = job.attempts >= maxAttempts;
      await failJob(db, job.id, error instanceof Error ? error.message : String(error), { retryInMs: retryDelayMs(job.attempts), giveUp });
      if (giveUp) console.error(`[verdict] job ${job.id} (${job.kind}) given up after ${job.attempts} attempts`, error);
    }
  }
  return claimed.length;
}
