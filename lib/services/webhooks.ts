import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { enqueueJobs } from "../../db/queries/jobs";
import { createCursor } from "../../db/queries/outbox";
import {
  countWebhooks,
  deleteWebhook as deleteWebhookRow,
  insertDeliveries,
  insertWebhook,
  listAttempts,
  listWebhooks,
  setWebhookEnabled as setWebhookEnabledRow,
} from "../../db/queries/webhooks";
import { teamWithMemberCount } from "../../db/queries/teams";
import { sealWebhookSecret } from "../auth/sealed-tokens";
import { WEBHOOK_TEST_EVENT } from "../domain/webhooks";
import { AppError, NotFoundError } from "../errors";
import type { CreateWebhookInput } from "../validation/webhooks";
import { WEBHOOKS_PER_TEAM } from "../validation/webhooks";
import { checkWebhookTarget, type Resolver } from "../webhooks/target";
import type { TeamContext, TeamView } from "./access";

// Owners and admins manage a team's webhooks. Nothing here sends a request: deliveries are queued
// for the worker (lib/services/webhook-outbox.ts), so a slow or dead endpoint never holds up a page.

export const WEBHOOK_JOB = "webhook.delivery";
export const WEBHOOK_NOT_FOUND = "That webhook does not exist in this team.";

/** The outbox cursor of a webhook: how far through the events table it has queued deliveries. */
export const webhookCursor = (webhookId: string) => `webhook:${webhookId}`;

export type TargetPolicy = { allowPrivate: boolean; resolve?: Resolver };

/** A secret made by the server: 32 random bytes, marked so it is recognisable in a config file. */
export const generateWebhookSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

/**
 * Adds a webhook, its address checked (see lib/webhooks/target.ts), its secret sealed, and its
 * cursor set at the latest event: it is sent what happens from now on, never the team's past.
 * Returns the secret, which is shown this once.
 */
export async function createWebhook(ctx: TeamContext<"team.webhooks">, input: Omit<CreateWebhookInput, "teamId">, policy: TargetPolicy) {
  if ((await countWebhooks(ctx.tx, ctx.teamId)) >= WEBHOOKS_PER_TEAM) {
    throw new AppError(`A team can have at most ${WEBHOOKS_PER_TEAM} webhooks. Delete one you no longer use first.`);
  }
  const check = await checkWebhookTarget(input.url, policy);
  if (!check.ok) throw new AppError(check.reason, { url: check.reason });
  const id = randomUUID();
  const secret = input.secret ?? generateWebhookSecret();
  await insertWebhook(ctx.tx, {
    id,
    teamId: ctx.teamId,
    url: input.url,
    format: input.format,
    eventTypes: [...input.eventTypes],
    secretSealed: sealWebhookSecret(secret, id),
    createdBy: ctx.actor.userId,
  });
  await createCursor(ctx.tx, webhookCursor(id));
  return { id, secret, generated: input.secret === undefined };
}

export async function setWebhookEnabled(ctx: TeamContext<"team.webhooks">, input: { webhookId: string; enabled: boolean }) {
  if (!(await setWebhookEnabledRow(ctx.tx, ctx.teamId, input.webhookId, input.enabled))) throw new NotFoundError(WEBHOOK_NOT_FOUND);
}

export async function deleteWebhook(ctx: TeamContext<"team.webhooks">, input: { webhookId: string }) {
  if (!(await deleteWebhookRow(ctx.tx, ctx.teamId, input.webhookId, webhookCursor(input.webhookId)))) throw new NotFoundError(WEBHOOK_NOT_FOUND);
}

/** Queues a test request for the worker; the log shows how it went. */
export async function sendTestEvent(ctx: TeamContext<"team.webhooks">, input: { webhookId: string }) {
  const hooks = await listWebhooks(ctx.tx, ctx.teamId);
  if (!hooks.some((hook) => hook.id === input.webhookId)) throw new NotFoundError(WEBHOOK_NOT_FOUND);
  const [deliveryId] = await insertDeliveries(ctx.tx, [{ webhookId: input.webhookId, teamId: ctx.teamId, eventId: null, eventType: WEBHOOK_TEST_EVENT }]);
  await enqueueJobs(ctx.tx, [{ kind: WEBHOOK_JOB, payload: { deliveryId } }]);
}

export const DELIVERY_LOG_SIZE = 20;

/** The team's webhooks page: the team's name, its webhooks and the latest attempts; null when the team is gone. */
export async function webhooksSectionData(view: TeamView<"team.webhooks">) {
  const [team, hooks, attempts] = await Promise.all([
    teamWithMemberCount(view.db, view.teamId),
    listWebhooks(view.db, view.teamId),
    listAttempts(view.db, view.teamId, DELIVERY_LOG_SIZE),
  ]);
  return team ? { teamName: team.name, hooks, attempts } : null;
}
export type WebhooksSectionData = NonNullable<Awaited<ReturnType<typeof webhooksSectionData>>>;
