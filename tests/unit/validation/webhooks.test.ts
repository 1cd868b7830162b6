import { describe, expect, test } from "vitest";
import { checkInput } from "@/lib/validation/form-data";
import { createWebhookSchema } from "@/lib/validation/webhooks";

const teamId = "7d4c2a2e-0000-4000-8000-000000000001";
const valid = { teamId, url: "https://hooks.example.com/services/T0/B0/x", format: "slack", events: { decision_decided: "on" }, secret: "" };
const { events: _events, ...rest } = valid;

const errorsOf = (input: Record<string, unknown>) => {
  const result = checkInput(createWebhookSchema, input);
  return result.success ? null : result.fieldErrors;
};

describe("createWebhookSchema", () => {
  test("takes a good form, its ticked boxes as event types in the list's order, and a blank secret as none", () => {
    const result = checkInput(createWebhookSchema, { ...valid, events: { member_joined: "on", decision_created: "on" } });
    expect(result).toEqual({ success: true, data: { ...rest, eventTypes: ["decision.created", "member.joined"], secret: undefined } });
    const one = checkInput(createWebhookSchema, valid);
    expect(one.success && one.data.eventTypes).toEqual(["decision.decided"]);
  });

  test.each([
    ["no address", { url: "" }, "url", "Enter the address to send to"],
    ["a relative address", { url: "/hooks" }, "url", "Enter a whole address starting with https:// or http://"],
    ["another scheme", { url: "ftp://example.com/x" }, "url", "Enter a whole address starting with https:// or http://"],
    ["a javascript: address", { url: "javascript:alert(1)" }, "url", "Enter a whole address starting with https:// or http://"],
    ["a file: address", { url: "file:///etc/passwd" }, "url", "Enter a whole address starting with https:// or http://"],
    [
      "credentials in the address",
      { url: "https://user:pw@example.com/" },
      "url",
      "Leave the user name and password out of the address; the secret signs each request",
    ],
    ["an address too long", { url: `https://example.com/${"a".repeat(2000)}` }, "url", "Use an address of at most 2000 characters"],
    ["an unknown format", { format: "xml" }, "format", "Choose a format: Slack-compatible or plain JSON"],
    ["no event", { events: undefined }, "events", "Choose at least one event to send"],
    ["no box ticked", { events: {} }, "events", "Choose at least one event to send"],
    ["an unknown event", { events: { weights_updated: "on" } }, "events", "Choose events from the list"],
    ["a box with another value", { events: { decision_decided: "yes" } }, "events.decision_decided", "Choose events from the list"],
    ["text for the boxes", { events: "decision.decided" }, "events", "Choose events from the list"],
    ["a short secret", { secret: "short" }, "secret", "Use a secret of at least 16 characters, or leave it blank for one to be made"],
    ["a secret with spaces", { secret: "has spaces in it, sixteen+" }, "secret", "Use letters, digits and punctuation only, without spaces"],
    ["a secret with a newline", { secret: "abcdefgh\nX-Injected: 1" }, "secret", "Use letters, digits and punctuation only, without spaces"],
    ["a long secret", { secret: "x".repeat(201) }, "secret", "Use a secret of at most 200 characters"],
    ["a team that is not an id", { teamId: "../etc" }, "teamId", "Unknown team"],
  ])("refuses %s", (_name, change, field, message) => {
    expect(errorsOf({ ...valid, ...change })?.[field]).toBe(message);
  });

  test("refuses fields it does not know", () => {
    expect(errorsOf({ ...valid, enabled: "false" })).not.toBeNull();
  });
});
