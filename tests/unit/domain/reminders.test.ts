import { describe, expect, test } from "vitest";
import { describeEvent } from "@/lib/domain/describe-event";
import { planNotifications } from "@/lib/domain/notifications";
import {
  type AutomaticTrigger,
  dueAutomaticReminder,
  HOUR_MS,
  MINUTE_MS,
  nextManualReminderAt,
  reminderPhase,
  type ReminderTrigger,
  timeAgo,
  whoToRemind,
} from "@/lib/domain/reminders";

const voters = [
  { userId: "fac", weighted: false, scored: false },
  { userId: "ada", weighted: true, scored: false },
  { userId: "bo", weighted: false, scored: true },
  { userId: "cy", weighted: true, scored: true },
];

describe("who is reminded", () => {
  test("those without weights while weighting, without scores while scoring, never the sender", () => {
    expect(whoToRemind(voters, "weighting")).toEqual(["fac", "bo"]);
    expect(whoToRemind(voters, "scoring")).toEqual(["fac", "ada"]);
    expect(whoToRemind(voters, "weighting", "fac")).toEqual(["bo"]);
    expect(whoToRemind(voters, "scoring", "fac")).toEqual(["ada"]);
  });

  test("nobody when everyone has submitted, or there are no voters", () => {
    expect(whoToRemind([{ userId: "cy", weighted: true, scored: true }], "scoring")).toEqual([]);
    expect(whoToRemind([], "weighting")).toEqual([]);
  });

  test("only weighting and scoring can have anyone to remind", () => {
    expect(reminderPhase("weighting")).toBe("weighting");
    expect(reminderPhase("scoring")).toBe("scoring");
    for (const status of ["draft", "revealed", "decided", "withdrawn"] as const) expect(reminderPhase(status)).toBeNull();
  });
});

describe("the once-an-hour rule", () => {
  const last = new Date("2026-11-30T13:05:00Z");
  test("within the hour the next is at the hour's end; after it (or never sent) there is no wait", () => {
    expect(nextManualReminderAt(null, last)).toBeNull();
    expect(nextManualReminderAt(last, new Date(last.getTime() + 12 * MINUTE_MS))).toEqual(new Date("2026-11-30T14:05:00Z"));
    expect(nextManualReminderAt(last, new Date(last.getTime() + HOUR_MS - 1))).toEqual(new Date("2026-11-30T14:05:00Z"));
    expect(nextManualReminderAt(last, new Date(last.getTime() + HOUR_MS))).toBeNull();
    expect(nextManualReminderAt(last, new Date(last.getTime() + 3 * HOUR_MS))).toBeNull();
  });

  test("how long ago, in words", () => {
    const at = (ms: number) => new Date(last.getTime() + ms);
    expect(timeAgo(last, at(30_000))).toBe("just now");
    expect(timeAgo(last, at(MINUTE_MS))).toBe("1 minute ago");
    expect(timeAgo(last, at(12 * MINUTE_MS + 59_000))).toBe("12 minutes ago");
    expect(timeAgo(last, at(HOUR_MS))).toBe("1 hour ago");
    expect(timeAgo(last, at(5 * HOUR_MS))).toBe("5 hours ago");
    expect(timeAgo(last, at(49 * HOUR_MS))).toBe("2 days ago");
  });
});

describe("which automatic reminder is due", () => {
  const deadline = new Date("2026-12-10T12:00:00Z");
  const before = (ms: number) => new Date(deadline.getTime() - ms);
  const longAgo = before(7 * 24 * HOUR_MS);
  const due = (now: Date, sent: ReminderTrigger[] = [], openedAt = longAgo) => dueAutomaticReminder({ deadline, openedAt, now, sent });

  test.each<{ name: string; now: Date; sent?: ReminderTrigger[]; openedAt?: Date; expected: AutomaticTrigger | null }>([
    { name: "more than a day before: nothing yet", now: before(25 * HOUR_MS), expected: null },
    { name: "a day before: the 24-hour one", now: before(24 * HOUR_MS), expected: "24h" },
    { name: "later that day, not sent yet: still the 24-hour one", now: before(5 * HOUR_MS), expected: "24h" },
    { name: "the 24-hour one sent: nothing until the last hour", now: before(5 * HOUR_MS), sent: ["24h"], expected: null },
    { name: "the last hour: the 1-hour one", now: before(HOUR_MS), sent: ["24h"], expected: "1h" },
    { name: "a manual reminder does not use up a window", now: before(HOUR_MS), sent: ["manual"], expected: "1h" },
    { name: "both sent: nothing", now: before(30 * MINUTE_MS), sent: ["24h", "1h"], expected: null },
    { name: "a worker down through the day wakes in the last hour: only the 1-hour one, never both", now: before(40 * MINUTE_MS), expected: "1h" },
    { name: "the deadline passed: nothing", now: deadline, expected: null },
    { name: "opened 10 hours before the deadline: no 24-hour one", now: before(9 * HOUR_MS), openedAt: before(10 * HOUR_MS), expected: null },
    { name: "opened 10 hours before the deadline: the 1-hour one still", now: before(HOUR_MS), openedAt: before(10 * HOUR_MS), expected: "1h" },
    { name: "opened 30 minutes before the deadline: none at all", now: before(20 * MINUTE_MS), openedAt: before(30 * MINUTE_MS), expected: null },
    { name: "opened exactly a day before: the 24-hour one", now: before(24 * HOUR_MS), openedAt: before(24 * HOUR_MS), expected: "24h" },
  ])("$name", ({ now, sent, openedAt, expected }) => {
    expect(due(now, sent, openedAt)).toBe(expected);
  });

  test("no deadline, no automatic reminder", () => {
    expect(dueAutomaticReminder({ deadline: null, openedAt: longAgo, now: before(HOUR_MS), sent: [] })).toBeNull();
  });
});

describe("a reminder as told and shown", () => {
  const members = [
    { userId: "fac", canVote: true },
    { userId: "ada", canVote: true },
    { userId: "bo", canVote: true },
    { userId: "view", canVote: false },
  ];
  const reminder = (payload: Record<string, unknown>, actorId: string | null = "fac") =>
    planNotifications(
      { id: 9, type: "reminder.sent", teamId: "t", decisionId: "d", actorId, payload },
      { teamName: "Platform", decisionTitle: "Queue", members },
    );

  test("exactly the recipients named who may still vote, never the sender, as a reminder with a link to their sheet", () => {
    const told = reminder({ phase: "scoring", trigger: "manual", recipients: ["ada", "fac", "view", "gone"] });
    expect(told.map((n) => `${n.userId}:${n.kind}`)).toEqual(["ada:deadline_soon"]);
    expect(told[0]!.path).toBe("/teams/t/decisions/d/scores");
    expect(told[0]!.title).toBe("A reminder from the facilitator of “Queue”: your scores are still needed");
  });

  test("an automatic one names the time left and the phase", () => {
    const told = reminder({ phase: "weighting", trigger: "24h", recipients: ["ada", "bo"] }, null);
    expect(told.map((n) => n.userId)).toEqual(["ada", "bo"]);
    expect(told[0]!.title).toBe("“Queue”: weighting closes in 24 hours and your weights are still needed");
    expect(told[0]!.path).toBe("/teams/t/decisions/d/weights");
    expect(reminder({ phase: "scoring", trigger: "1h", recipients: ["bo"] }, null)[0]!.title).toBe(
      "“Queue”: scoring closes in 1 hour and your scores are still needed",
    );
  });

  test("a payload without recipients, or with odd ones, tells no one", () => {
    expect(reminder({ phase: "scoring", trigger: "manual" })).toEqual([]);
    expect(reminder({ phase: "scoring", trigger: "manual", recipients: "ada" })).toEqual([]);
    expect(reminder({ phase: "scoring", trigger: "manual", recipients: [1, null, { userId: "ada" }] })).toEqual([]);
  });

  test("the timeline says who sent it (or the deadline) and to how many, never to whom", () => {
    expect(describeEvent("reminder.sent", { phase: "scoring", trigger: "manual", recipients: ["a", "b", "c"] }, "Ada")).toBe(
      "Ada reminded 3 people who had not given their scores",
    );
    expect(describeEvent("reminder.sent", { phase: "weighting", trigger: "24h", recipients: ["a"] }, null)).toBe(
      "Reminder sent to 1 person who had not given their weights: 24 hours before the deadline",
    );
    expect(describeEvent("reminder.sent", { phase: "scoring", trigger: "1h", recipients: ["a", "b"] }, null)).toBe(
      "Reminder sent to 2 people who had not given their scores: 1 hour before the deadline",
    );
    expect(describeEvent("reminder.sent", {}, null)).toBe("Someone reminded those who had not given their scores");
  });
});
