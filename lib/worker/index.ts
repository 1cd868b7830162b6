import "server-only";
import type { DbHandle } from "../../db/client";
import { isDatabaseUnavailable } from "../database-unavailable";
import { EVENTS_CHANNEL } from "../live/hub";
import { applyDueDeadlines } from "../services/deadline-jobs";
import { checkDueHistories } from "../services/history";
import { announceDueReviews } from "../services/reviews";
import { EMAIL_JOB, fanOutAll, type FanOutOptions } from "../services/notifications";
import { PASSWORD_CHANGED_JOB } from "../services/accounts";
import { PASSWORD_RESET_JOB } from "../services/password-resets";
import { sendDueReminders } from "../services/reminders";
import { type DeliveryOptions, queueAllWebhookDeliveries } from "../services/webhook-outbox";
import { WEBHOOK_JOB } from "../services/webhooks";
import { type JobKind, runDueJobs } from "./jobs";
import { configuredMailer, emailJob, type Mailer, mailOrigin, passwordChangedJob, passwordResetJob } from "./mail";
import { configuredDeliveryOptions, webhookJob } from "./webhooks";

// The worker: moves on decisions whose deadline passed, sends the automatic reminders, fans events
// out to notifications and webhook deliveries, and runs the jobs they queue. It runs inside each
// server (instrumentation.ts) and as `npm run worker`; several at once share the work through the
// database (the cursor rows and the jobs are claimed with FOR UPDATE SKIP LOCKED). It wakes on a
// timer, and early when the database announces a new event.

export const WORKER_INTERVAL_MS = 5_000;
/** An event's announcement comes when its transaction commits; a short pause lets a burst of them become one step. */
const WAKE_DELAY_MS = 100;
/** How soon to look again when events wait on a transaction that began before theirs and is still running. */
const SETTLE_DELAY_MS = 250;

export type Worker = { tick: () => Promise<void>; stop: () => Promise<void> };

export type WorkerOptions = { intervalMs?: number; mailer?: Mailer; origin?: string; fanOut?: FanOutOptions; webhooks?: DeliveryOptions };

export function startWorker(getHandle: () => Promise<DbHandle>, options: WorkerOptions = {}): Worker {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let unlisten: (() => Promise<void>) | null = null;
  let wake: ReturnType<typeof setTimeout> | undefined;
  let handlers: Record<string, JobKind> | undefined;
  let lastClockStep = -Infinity;
  const clockEveryMs = Math.min(options.intervalMs ?? WORKER_INTERVAL_MS, WORKER_INTERVAL_MS);

  function wakeIn(ms: number) {
    clearTimeout(wake);
    wake = setTimeout(() => void tick(), ms);
  }

  async function step() {
    const handle = await getHandle();
    if (!unlisten && !stopped) {
      unlisten = await handle.listen(
        EVENTS_CHANNEL,
        () => wakeIn(WAKE_DELAY_MS),
        () => {},
      );
    }
    // Made once: the SMTP transport is kept between steps.
    if (!handlers) {
      const mailer = options.mailer ?? configuredMailer(handle.db);
      const origin = options.origin ?? mailOrigin();
      handlers = {
        [EMAIL_JOB]: emailJob(handle.db, mailer, origin),
        [PASSWORD_RESET_JOB]: passwordResetJob(handle.db, mailer, origin),
        [PASSWORD_CHANGED_JOB]: passwordChangedJob(handle.db, mailer, origin),
        [WEBHOOK_JOB]: webhookJob(handle.db, options.webhooks ?? configuredDeliveryOptions()),
      };
    }
    // The clock's work, on the timer's pace rather than on every event's wake-up (a busy team's saves
    // would otherwise repeat two reads per save). Deadlines first: the phase they open is the one a
    // reminder is about. Both append events, which the fan-out below turns into notifications.
    if (Date.now() - lastClockStep >= clockEveryMs) {
      lastClockStep = Date.now();
      await applyDueDeadlines(handle.db);
      await sendDueReminders(handle.db);
      // A review date that has come becomes an event, so the fan-out below tells the reviewers.
      await announceDueReviews(handle.db);
    }
    const fanOut = await fanOutAll(handle.db, options.fanOut);
    const webhooks = await queueAllWebhookDeliveries(handle.db);
    if (fanOut.waiting || webhooks.waiting) wakeIn(SETTLE_DELAY_MS);
    if (webhooks.behind) again = true;
    while (!stopped && (await runDueJobs(handle.db, handlers)) > 0);
    if (!stopped) await checkDueHistories(handle.db);
  }

  function tick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await step();
        } catch (error) {
          if (isDatabaseUnavailable(error)) console.error("[verdict] worker: database unavailable; trying again later");
          else console.error("[verdict] worker step failed", error);
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  const timer = setInterval(() => void tick(), options.intervalMs ?? WORKER_INTERVAL_MS);
  timer.unref();
  void tick();

  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(wake);
      await running;
      await unlisten?.();
    },
  };
}

const globalKey = Symbol.for("verdict.worker");
type Holder = { [globalKey]?: Worker };

/** The worker inside this server: one per process, however many bundles load this module. */
export function startServerWorker(getHandle: () => Promise<DbHandle>): Worker {
  const holder = globalThis as Holder;
  holder[globalKey] ??= startWorker(getHandle);
  return holder[globalKey];
}
