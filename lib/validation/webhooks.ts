import { z } from "zod";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_FORMATS } from "../domain/webhooks";
import { id } from "./fields";
import { webhookEventField } from "./limits";

export const WEBHOOK_URL_MAX = 2000;
export const WEBHOOK_SECRET_MIN = 16;
export const WEBHOOK_SECRET_MAX = 200;
/** More than any team needs, and a bound on the work one outbox step does per team. */
export const WEBHOOKS_PER_TEAM = 10;

/** Where a webhook posts: an absolute http(s) address with no user name or password in it. */
export const webhookUrl = z
  .string({ error: "Enter the address to send to" })
  .trim()
  .min(1, "Enter the address to send to")
  .max(WEBHOOK_URL_MAX, `Use an address of at most ${WEBHOOK_URL_MAX} characters`)
  .transform((text, ctx) => {
    const url = URL.canParse(text) ? new URL(text) : null;
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (!url || !/^https?:\/\/[^/]/i.test(text)) return fail("Enter a whole address starting with https:// or http://");
    if (url.protocol !== "https:" && url.protocol !== "http:") return fail("Only https:// and http:// addresses can receive webhooks");
    if (url.username || url.password) return fail("Leave the user name and password out of the address; the secret signs each request");
    url.hash = "";
    return url.toString();
  });

export { webhookEventField };

const CHOSEN = z.literal("on", { error: "Choose events from the list" }).optional();
const eventBoxes = z.preprocess(
  (v) => v ?? {},
  z.strictObject(Object.fromEntries(WEBHOOK_EVENT_TYPES.map((type) => [webhookEventField(type), CHOSEN])) as Record<string, typeof CHOSEN>, {
    error: "Choose events from the list",
  }),
);

export const createWebhookSchema = z
  .strictObject({
    teamId: id("team"),
    url: webhookUrl,
    format: z.enum(WEBHOOK_FORMATS, { error: "Choose a format: Slack-compatible or plain JSON" }),
    events: eventBoxes,
    // Blank: the server makes one. Given: printable characters without spaces, as a header-safe key.
    secret: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string({ error: "Enter a secret, or leave it blank for one to be made" })
        .trim()
        .min(WEBHOOK_SECRET_MIN, `Use a secret of at least ${WEBHOOK_SECRET_MIN} characters, or leave it blank for one to be made`)
        .max(WEBHOOK_SECRET_MAX, `Use a secret of at most ${WEBHOOK_SECRET_MAX} characters`)
        .regex(/^[\x21-\x7e]+$/, "Use letters, digits and punctuation only, without spaces")
        .optional(),
    ),
  })
  .transform(({ events, ...rest }, ctx) => {
    const eventTypes = WEBHOOK_EVENT_TYPES.filter((type) => events[webhookEventField(type)] === "on");
    if (eventTypes.length === 0) {
      ctx.addIssue({ code: "custom", path: ["events"], message: "Choose at least one event to send" });
      return z.NEVER;
    }
    return { ...rest, eventTypes };
  });
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

/** One webhook of the team: pausing, resuming, deleting and testing it. */
export const webhookRefSchema = z.strictObject({ teamId: id("team"), webhookId: id("webhook") });

export const setWebhookEnabledSchema = z.strictObject({
  teamId: id("team"),
  webhookId: id("webhook"),
  enabled: z.enum(["true", "false"], { error: "Choose to pause or resume" }).transform((v) => v === "true"),
});
