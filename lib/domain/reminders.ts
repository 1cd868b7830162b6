// Reminders to those who have not submitted in the open phase: sent by the facilitator (at most
// once an hour per decision), and automatically 24 hours and 1 hour before the phase's deadline.
// Pure rules; lib/services/reminders.ts reads and locks, then asks these.

import type { DecisionStatus } from "./phases";

export const REMINDER_EVENT = "reminder.sent";

export const REMINDER_TRIGGERS = ["manual", "24h", "1h"] as const;
export type ReminderTrigger = (typeof REMINDER_TRIGGERS)[number];
export type AutomaticTrigger = Exclude<ReminderTrigger, "manual">;

/** The phases in which someone can still owe a sheet, and so be reminded. */
export type ReminderPhase = "weighting" | "scoring";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
/** How long after a facilitator's reminder they may send the next one. */
export const MANUAL_REMINDER_INTERVAL_MS = HOUR_MS;

/**
 * The automatic windows, latest first: each runs from its offset before the deadline until the next
 * one begins, so a worker that was down through the 24-hour window sends only the 1-hour one, never both.
 */
const WINDOWS: readonly { trigger: AutomaticTrigger; beforeMs: number }[] = [
  { trigger: "1h", beforeMs: HOUR_MS },
  { trigger: "24h", beforeMs: 24 * HOUR_MS },
];
/** The furthest ahead of a deadline a reminder can be due: how far ahead the worker looks. */
export const AUTOMATIC_HORIZON_MS = 24 * HOUR_MS;

export function reminderPhase(status: DecisionStatus): ReminderPhase | null {
  return status === "weighting" || status === "scoring" ? status : null;
}

export type VoterSheets = { userId: string; weighted: boolean; scored: boolean };

/**
 * Who is reminded: the voters who have not submitted in the phase (weights while weighting, the
 * current round's scores while scoring), never the person sending it, in the order given.
 */
export function whoToRemind(voters: readonly VoterSheets[], phase: ReminderPhase, sender: string | null = null): string[] {
  return voters.filter((v) => v.userId !== sender && !(phase === "weighting" ? v.weighted : v.scored)).map((v) => v.userId);
}

/** When the facilitator may remind again after a reminder sent at `last`; null when they may now. */
export function nextManualReminderAt(last: Date | null, now: Date): Date | null {
  if (!last) return null;
  const next = new Date(last.getTime() + MANUAL_REMINDER_INTERVAL_MS);
  return next > now ? next : null;
}

/**
 * The automatic reminder due now for a phase that opened at `openedAt` and closes at `deadline`, or
 * null. A window is due while `now` is inside it and it was not sent since the phase opened; one
 * whose start had passed before the phase opened is skipped (weighting opened 10 hours before its
 * deadline gets no "24 hours left" reminder, only the 1-hour one), and so is one whose start passed
 * while a later window already began.
 */
export function dueAutomaticReminder(input: {
  deadline: Date | null;
  openedAt: Date;
  now: Date;
  sent: ReadonlySet<ReminderTrigger> | readonly ReminderTrigger[];
}): AutomaticTrigger | null {
  const { deadline, openedAt, now } = input;
  if (!deadline || now >= deadline) return null;
  const sent = new Set(input.sent);
  let windowEnd = deadline.getTime();
  for (const window of WINDOWS) {
    const start = deadline.getTime() - window.beforeMs;
    if (now.getTime() >= start && now.getTime() < windowEnd) {
      if (sent.has(window.trigger) || start < openedAt.getTime()) return null;
      return window.trigger;
    }
    windowEnd = start;
  }
  return null;
}

/** "just now", "1 minute ago", "12 minutes ago", "3 hours ago", "2 days ago". */
export function timeAgo(then: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - then.getTime()) / MINUTE_MS);
  if (minutes < 1) return "just now";
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"} ago`;
  if (minutes < 60) return plural(minutes, "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return plural(hours, "hour");
  return plural(Math.floor(hours / 24), "day");
}

export const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;

const what = (phase: unknown) => (phase === "weighting" ? "weights" : "scores");
const phaseWord = (phase: unknown) => (phase === "weighting" ? "weighting" : "scoring");

/** A reminder on the timeline: who sent it (or the deadline), and to how many; never which people. */
export function describeReminder(payload: Record<string, unknown>, who: string): string {
  const recipients = Array.isArray(payload.recipients) ? payload.recipients.length : null;
  const to = recipients === null ? "those" : people(recipients);
  const part = what(payload.phase);
  if (payload.trigger === "24h" || payload.trigger === "1h") {
    return `Reminder sent to ${to} who had not given their ${part}: ${payload.trigger === "24h" ? "24 hours" : "1 hour"} before the deadline`;
  }
  return `${who} reminded ${to} who had not given their ${part}`;
}

/** A reminder as the reminded person reads it in the inbox and in its email. */
export function reminderTitle(payload: Record<string, unknown>, decisionTitle: string): string {
  const part = what(payload.phase);
  if (payload.trigger === "24h" || payload.trigger === "1h") {
    const left = payload.trigger === "24h" ? "24 hours" : "1 hour";
    return `${decisionTitle}: ${phaseWord(payload.phase)} closes in ${left} and your ${part} are still needed`;
  }
  return `A reminder from the facilitator of ${decisionTitle}: your ${part} are still needed`;
}

/** The recipients a reminder's payload names, read defensively: only strings. */
export function reminderRecipients(payload: Record<string, unknown>): string[] {
  return Array.isArray(payload.recipients) ? payload.recipients.filter((r): r is string => typeof r === "string") : [];
}
