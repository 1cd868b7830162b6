import "server-only";
import type { Db } from "../../db/client";
import { WEBHOOK_MAX_ATTEMPTS, webhookRetryDelayMs } from "../domain/webhooks";
import { env } from "../env";
import { deliverOnce, type DeliveryOptions } from "../services/webhook-outbox";
import type { JobKind } from "./jobs";
import { mailOrigin } from "./mail";

/** What the environment says: whether private addresses may be called, the first retry's wait, and the links' origin. */
export function configuredDeliveryOptions(): DeliveryOptions {
  const { ALLOW_PRIVATE_WEBHOOKS, WEBHOOK_RETRY_BASE_MS } = env();
  return { policy: { allowPrivate: ALLOW_PRIVATE_WEBHOOKS }, retryBaseMs: WEBHOOK_RETRY_BASE_MS, origin: mailOrigin() };
}

/** The delivery job: one attempt per run, retried with backoff for about a day. */
export function webhookJob(db: Db, options: DeliveryOptions): JobKind {
  return {
    run: (payload, job) => deliverOnce(db, Number(payload.deliveryId), job.attempt, options),
    retryDelayMs: (attempts) => webhookRetryDelayMs(attempts, options.retryBaseMs),
    maxAttempts: WEBHOOK_MAX_ATTEMPTS,
  };
}
