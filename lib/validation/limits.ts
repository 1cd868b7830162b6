/**
 * The limits and field names the forms also show in the browser (a counter, a hint, a `max`).
 * Kept apart from the schemas so a client component that needs one number does not ship Zod
 * to the browser with it; tests/unit/client-imports.test.ts holds every client module to that.
 */
import type { WebhookEventType } from "../domain/webhooks";

export const PASSWORD_MIN = 8;

export const LIMITS = { options: 12, criteria: 12, title: 120, context: 5000, name: 80, description: 500, link: 500, comment: 1000 } as const;

export const INVITE_DEFAULT_DAYS = 7;
export const INVITE_MAX_DAYS = 30;

export const LEARNED_MAX = 5000;

export const DELIVERY_CHOICES = ["app", "email"] as const;

/** The checkbox of an event type: `events.<type with _ for .>`, so a dot in the type makes no nesting. */
export const webhookEventField = (type: WebhookEventType) => type.replace(".", "_");
