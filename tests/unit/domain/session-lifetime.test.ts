import { describe, expect, test } from "vitest";
import { describeUserAgent, SESSION_LIFETIME, sessionEndsAt, sessionIsLive, sessionNeedsTouch } from "@/lib/domain/session-lifetime";

const DAY = 24 * 60 * 60_000;
const T0 = new Date("2030-01-01T00:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("the session lifetime", () => {
  test("is 7 days idle and 30 days at most", () => {
    expect(SESSION_LIFETIME).toEqual({ idleMs: 7 * DAY, absoluteMs: 30 * DAY, touchEveryMs: 60_000 });
  });
});

describe("sessionIsLive", () => {
  test.each([
    { name: "just signed in", createdAt: 0, lastSeenAt: 0, now: 0, live: true },
    { name: "a millisecond short of the idle limit", createdAt: 0, lastSeenAt: 0, now: 7 * DAY - 1, live: true },
    { name: "at the idle limit", createdAt: 0, lastSeenAt: 0, now: 7 * DAY, live: false },
    { name: "used yesterday, signed in 29 days ago", createdAt: 0, lastSeenAt: 28 * DAY, now: 29 * DAY, live: true },
    { name: "used a minute ago, but signed in 30 days ago", createdAt: 0, lastSeenAt: 30 * DAY - 60_000, now: 30 * DAY, live: false },
  ])("$name → $live", ({ createdAt, lastSeenAt, now, live }) => {
    expect(sessionIsLive({ createdAt: at(createdAt), lastSeenAt: at(lastSeenAt) }, at(now))).toBe(live);
  });
});

describe("sessionEndsAt", () => {
  test("is the idle end while that comes first, then the absolute end", () => {
    expect(sessionEndsAt({ createdAt: at(0), lastSeenAt: at(DAY) })).toEqual(at(8 * DAY));
    expect(sessionEndsAt({ createdAt: at(0), lastSeenAt: at(27 * DAY) })).toEqual(at(30 * DAY));
  });
});

describe("sessionNeedsTouch", () => {
  test.each([
    { since: 0, touch: false },
    { since: 59_999, touch: false },
    { since: 60_000, touch: true },
  ])("$since ms after the last write → $touch", ({ since, touch }) => {
    expect(sessionNeedsTouch({ createdAt: T0, lastSeenAt: T0 }, at(since))).toBe(touch);
  });
});

describe("describeUserAgent", () => {
  test.each([
    { ua: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36", expected: "Chrome on Linux" },
    { ua: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", expected: "Safari on macOS" },
    {
      ua: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      expected: "Safari on iOS",
    },
    { ua: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0", expected: "Firefox on Windows" },
    {
      ua: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 Edg/140.0",
      expected: "Edge on Windows",
    },
    { ua: "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36", expected: "Chrome on Android" },
    { ua: "curl/8.5.0", expected: "Unknown browser" },
    { ua: "", expected: "Unknown browser" },
  ])("$expected", ({ ua, expected }) => {
    expect(describeUserAgent(ua)).toBe(expected);
  });
});
