import "server-only";
import type { Db, Executor } from "../../db/client";
import { enqueueJobs } from "../../db/queries/jobs";
import { eventsAfter, lockCursor, moveCursor } from "../../db/queries/outbox";
import { deliveryToSend, insertDeliveries, recordAttempt, webhooksToStep } from "../../db/queries/webhooks";
import { openWebhookSecret } from "../auth/sealed-tokens";
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from "../domain/webhook-signature";
import { isDelivered, WEBHOOK_MAX_ATTEMPTS, type WebhookFormat, type WebhookMessageInput, webhookBody, webhookRetryDelayMs } from "../domain/webhooks";
import { postToTarget, type SendResult } from "../webhooks/send";
import { checkWebhookTarget } from "../webhooks/target";
import { type TargetPolicy, WEBHOOK_JOB, webhookCursor } from "./webhooks";

// From the events table to the receivers. Each webhook has its own cursor over the events table
// (the outbox): a step locks it (FOR UPDATE SKIP LOCKED: with several workers, one steps it and
// the others pass), reads the events after it, queues one delivery and one job for each event of
// the team and of the chosen types, and moves the cursor, in one transaction. A step that stops
// half-way leaves the cursor where it was, and the unique (webhook, event) index means a step
// repeated over the same events queues nothing twice. The jobs then send, with retries.

export type WebhookStepTarget = { id: string; teamId: string; eventTypes: readonly string[]; enabled: boolean };
/** `waiting`: events were read whose transactions may still be followed by others; look again shortly. */
export type StepResult = { busy: boolean; read: number; queued: number; waiting: boolean };

/** The step's work inside a transaction the caller holds. A paused webhook's cursor moves on without queueing. */
export async function queueWebhookDeliveries(tx: Executor, webhook: WebhookStepTarget, batch: number): Promise<StepResult> {
  const name = webhookCursor(webhook.id);
  const position = await lockCursor(tx, name);
  if (position === null) return { busy: true, read: 0, queued: 0, waiting: false };
  const { events: read, waiting } = await eventsAfter(tx, position, batch);
  const wanted = webhook.enabled ? read.filter((event) => event.teamId === webhook.teamId && webhook.eventTypes.includes(event.type)) : [];
  const ids = await insertDeliveries(
    tx,
    wanted.map((event) => ({ webhookId: webhook.id, teamId: webhook.teamId, eventId: event.id, eventType: event.type })),
  );
  await enqueueJobs(
    tx,
    ids.map((deliveryId) => ({ kind: WEBHOOK_JOB, payload: { deliveryId } })),
  );
  const last = read.at(-1);
  if (last) await moveCursor(tx, name, { txid: last.txid, eventId: last.id });
  return { busy: false, read: read.length, queued: ids.length, waiting };
}

/**
 * One step of every webhook: at most `batch` events each, so a tick costs one short transaction per
 * webhook however far behind the cursors are (the emails wait on it). `behind`: some webhook read a
 * full batch and has more to read; the worker comes back at once.
 */
export async function queueAllWebhookDeliveries(db: Db, options: { batch?: number } = {}) {
  const batch = options.batch ?? 200;
  const total = { queued: 0, waiting: false, busy: false, behind: false };
  for (const webhook of await webhooksToStep(db)) {
    const step = await db.transaction((tx) => queueWebhookDeliveries(tx, webhook, batch));
    total.queued += step.queued;
    total.waiting ||= step.waiting;
    total.busy ||= step.busy;
    total.behind ||= step.read >= batch;
  }
  return total;
}

export type DeliveryOptions = {
  policy: TargetPolicy;
  /** Links in the requests start with it. */
  origin: string;
  retryBaseMs: number;
  timeoutMs?: number;
};

/** Connecting, sending and the answer, together. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

type Delivery = NonNullable<Awaited<ReturnType<typeof deliveryToSend>>>;

function messageInput(delivery: Delivery, origin: string): WebhookMessageInput {
  const team = `/teams/${delivery.teamId}`;
  const decisionId = delivery.event?.decisionId ?? null;
  const decision = decisionId && delivery.decisionTitle !== null ? { id: decisionId, title: delivery.decisionTitle } : null;
  return {
    eventId: delivery.eventId === null ? null : Number(delivery.eventId),
    type: delivery.eventType,
    payload: (delivery.event?.payload as Record<string, unknown> | undefined) ?? {},
    occurredAt: delivery.event?.createdAt ?? delivery.createdAt,
    team: { id: delivery.teamId, name: delivery.teamName },
    decision,
    actorName: delivery.actorName,
    url: new URL(decision ? `${team}/decisions/${decision.id}` : team, origin).toString(),
  };
}

/**
 * One attempt at one delivery, logged. Throws when it failed and another attempt is due, so the
 * jobs queue tries again after webhookRetryDelayMs; the log's "next retry" is the same time.
 */
export async function deliverOnce(db: Db, deliveryId: number, attempt: number, options: DeliveryOptions): Promise<void> {
  const delivery = await deliveryToSend(db, deliveryId);
  // Gone with its webhook, or already settled by an earlier run whose lease ran out.
  if (!delivery || delivery.status !== "pending") return;
  const last = attempt >= WEBHOOK_MAX_ATTEMPTS;
  const log = (result: SendResult, status: "pending" | "delivered" | "failed", nextAttemptAt: Date | null) =>
    recordAttempt(db, { deliveryId, teamId: delivery.teamId, attempt, ...result, status, nextAttemptAt });

  if (!delivery.webhook.enabled) return log({ statusCode: null, error: "Not sent: the webhook is paused", durationMs: 0 }, "failed", null);
  const secret = openWebhookSecret(delivery.webhook.secretSealed, delivery.webhook.id);
  if (secret === null) {
    const error = "Not sent: the secret can no longer be read (AUTH_SECRET changed). Delete this webhook and add it again.";
    return log({ statusCode: null, error, durationMs: 0 }, "failed", null);
  }
  const check = await checkWebhookTarget(delivery.webhook.url, options.policy);
  let result: SendResult;
  if (!check.ok) {
    result = { statusCode: null, error: `Not sent: ${check.reason}`, durationMs: 0 };
  } else {
    const body = webhookBody(delivery.webhook.format as WebhookFormat, messageInput(delivery, options.origin));
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      "Content-Type": "application/json",
      "User-Agent": "Verdict-Webhooks/1",
      "X-Verdict-Event": delivery.eventType,
      "X-Verdict-Delivery": String(delivery.id),
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
    };
    result = await postToTarget(check.target, body, headers, options.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
  }
  if (result.statusCode !== null && isDelivered(result.statusCode)) return log(result, "delivered", null);
  const nextAttemptAt = last ? null : new Date(Date.now() + webhookRetryDelayMs(attempt, options.retryBaseMs));
  await log(result, last ? "failed" : "pending", nextAttemptAt);
  throw new Error(result.error ?? `answered ${result.statusCode}`);
}
