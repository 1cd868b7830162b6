import { describe, expect, test } from "vitest";
import {
  DEFAULT_WEBHOOK_RETRY_BASE_MS,
  jsonPayload,
  slackPayload,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_TEST_EVENT,
  webhookBody,
  type WebhookMessageInput,
  webhookRetryDelayMs,
  webhookSummary,
} from "@/lib/domain/webhooks";

const base: WebhookMessageInput = {
  eventId: 41,
  type: "decision.phase_changed",
  payload: { from: "scoring", to: "revealed" },
  occurredAt: new Date("2026-11-30T10:00:00Z"),
  team: { id: "7d4c2a2e-0000-4000-8000-000000000001", name: "Platform" },
  decision: { id: "7d4c2a2e-0000-4000-8000-000000000002", title: "Message broker" },
  actorName: "Alice",
  url: "https://verdict.example/teams/t/decisions/d",
};

describe("webhook payloads", () => {
  test("JSON carries the event, the names and the link", () => {
    expect(jsonPayload(base)).toEqual({
      eventId: 41,
      type: "decision.phase_changed",
      occurredAt: "2026-11-30T10:00:00.000Z",
      team: { id: base.team.id, name: "Platform" },
      decision: { id: base.decision!.id, title: "Message broker" },
      actor: { name: "Alice" },
      summary: "Alice revealed the results: “Message broker”",
      url: base.url,
    });
  });

  test("Slack-compatible: a text fallback and blocks, with typed names kept as text", () => {
    const hostile = { ...base, team: { ...base.team, name: "<!channel> & co" }, decision: { ...base.decision!, title: "<https://evil.example|click>" } };
    const body = slackPayload(hostile);
    expect(body.text).toBe("Alice revealed the results: “<https://evil.example|click>” (<!channel> & co) https://verdict.example/teams/t/decisions/d");
    expect(body.blocks).toEqual([
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: "Alice revealed the results: “&lt;https://evil.example|click&gt;”\n<https://verdict.example/teams/t/decisions/d|Open in Verdict>",
        },
      },
      { type: "context", elements: [{ type: "mrkdwn", text: "Verdict · &lt;!channel&gt; &amp; co" }] },
    ]);
  });

  test("a submitted sheet says who, never what, whatever its stored payload holds", () => {
    const sheet = { ...base, type: "scores.submitted", payload: { cells: 7, scores: { Kafka: 5 }, weights: [0.83] } };
    for (const format of ["json", "slack"] as const) {
      const body = webhookBody(format, sheet);
      expect(body).toContain("Alice submitted scores");
      expect(body).not.toMatch(/cells|Kafka|0\.83|"scores"|weights/);
    }
  });

  test("a test request says it is one", () => {
    const test = { ...base, eventId: null, type: WEBHOOK_TEST_EVENT, payload: {}, decision: null, actorName: null };
    expect(webhookSummary(test)).toBe("Test from Verdict: this webhook of “Platform” works.");
    expect(JSON.parse(webhookBody("json", test))).toMatchObject({ eventId: null, type: "webhook.test", decision: null, actor: null });
  });
});

describe("webhook retries", () => {
  test("double from the base, up to four hours apart", () => {
    expect([1, 2, 3, 9, 10, 14].map((n) => webhookRetryDelayMs(n))).toEqual([30_000, 60_000, 120_000, 7_680_000, 14_400_000, 14_400_000]);
    expect(webhookRetryDelayMs(1, 500)).toBe(500);
    expect(webhookRetryDelayMs(3, 500)).toBe(2_000);
  });

  test("span a day: the last attempt comes 24 to 25 hours after the first", () => {
    let waited = 0;
    for (let attempt = 1; attempt < WEBHOOK_MAX_ATTEMPTS; attempt++) waited += webhookRetryDelayMs(attempt, DEFAULT_WEBHOOK_RETRY_BASE_MS);
    const hours = waited / 3_600_000;
    expect(hours).toBeGreaterThanOrEqual(24);
    expect(hours).toBeLessThan(25);
  });
});
