import { describeEvent } from "./describe-event";
import { visibleEventPayload } from "./event-payload";

// Outgoing webhooks: which events a team can send, what a request carries, and when a failed one
// is tried again. Pure: the worker (lib/services/webhooks.ts) loads the names and sends.

/** The events a webhook can be chosen for, in the order the form lists them. */
export const WEBHOOK_EVENT_TYPES = [
  "decision.created",
  "decision.phase_changed",
  "decision.round_opened",
  "weights.submitted",
  "scores.submitted",
  "decision.decided",
  "member.joined",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_LABELS: Readonly<Record<WebhookEventType, string>> = {
  "decision.created": "A decision is created",
  "decision.phase_changed": "A decision moves on: weighting or scoring opens, results are revealed, it is withdrawn",
  "decision.round_opened": "Another scoring round opens",
  "weights.submitted": "Someone submits their weights (who, never what)",
  "scores.submitted": "Someone submits their scores (who, never what)",
  "decision.decided": "An outcome is recorded",
  "member.joined": "Someone joins the team",
};

/** The request "Send a test event" makes; it is no event of the team's history. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

export const isWebhookEventType = (value: string): value is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);

export const WEBHOOK_FORMATS = ["slack", "json"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
export const WEBHOOK_FORMAT_LABELS: Readonly<Record<WebhookFormat, string>> = {
  slack: "Slack-compatible (also Mattermost, and Discord's /slack endpoint)",
  json: "Plain JSON",
};

/** What a request is built from: names and a link, never a ballot's values. */
export type WebhookMessageInput = {
  /** The event's id in the team's history; null for a test. */
  eventId: number | null;
  type: string;
  /** The event's stored payload; only what a page may show of it is read. */
  payload: Record<string, unknown>;
  occurredAt: Date;
  team: { id: string; name: string };
  decision: { id: string; title: string } | null;
  actorName: string | null;
  /** Absolute link to the decision (or the team). */
  url: string;
};

/** One line saying what happened, in the activity feed's words, with the decision it was on. */
export function webhookSummary(input: WebhookMessageInput): string {
  if (input.type === WEBHOOK_TEST_EVENT) return `Test from Verdict: this webhook of “${input.team.name}” works.`;
  const what = describeEvent(input.type, visibleEventPayload(input.type, input.payload), input.actorName);
  return input.decision ? `${what}: “${input.decision.title}”` : what;
}

/** The JSON body: the same for every receiver, the event's id to tell repeats apart. */
export function jsonPayload(input: WebhookMessageInput) {
  return {
    eventId: input.eventId,
    type: input.type,
    occurredAt: input.occurredAt.toISOString(),
    team: { id: input.team.id, name: input.team.name },
    decision: input.decision ? { id: input.decision.id, title: input.decision.title } : null,
    actor: input.actorName ? { name: input.actorName } : null,
    summary: webhookSummary(input),
    url: input.url,
  };
}

/** Slack's mrkdwn reads &, < and > as markup: typed titles must arrive as text. */
const mrkdwn = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** `text` for notifications and clients without blocks, `blocks` for the message itself. */
export function slackPayload(input: WebhookMessageInput) {
  const summary = webhookSummary(input);
  return {
    text: `${summary} (${input.team.name}) ${input.url}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `${mrkdwn(summary)}\n<${input.url}|Open in Verdict>` } },
      { type: "context", elements: [{ type: "mrkdwn", text: `Verdict · ${mrkdwn(input.team.name)}` }] },
    ],
  };
}

export function webhookBody(format: WebhookFormat, input: WebhookMessageInput): string {
  return JSON.stringify(format === "slack" ? slackPayload(input) : jsonPayload(input));
}

/** The first retry waits this long by default; each next one twice as long, up to RETRY_CAP_STEPS of it. */
export const DEFAULT_WEBHOOK_RETRY_BASE_MS = 30_000;
/** The longest wait between two attempts, in first-retry waits: 480 × 30 s = 4 hours. */
const RETRY_CAP_STEPS = 480;
/** Attempts in all: with the default base the last is tried about 24 hours after the first. */
export const WEBHOOK_MAX_ATTEMPTS = 15;

/** How long to wait after failed attempt number `attempt` (1 for the first) before the next. */
export function webhookRetryDelayMs(attempt: number, baseMs = DEFAULT_WEBHOOK_RETRY_BASE_MS): number {
  return baseMs * Math.min(2 ** Math.max(0, attempt - 1), RETRY_CAP_STEPS);
}

/** Whether a response's status counts as delivered: any 2xx. A redirect is not followed, so it is a failure. */
export const isDelivered = (status: number) => status >= 200 && status < 300;
