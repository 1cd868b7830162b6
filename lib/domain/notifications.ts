// Who is told what when an event is appended, and how it reads in the app and in an email. Pure:
// the fan-out step (lib/services/notifications.ts) loads the members and titles and passes them in.

import { REMINDER_EVENT, reminderRecipients, reminderTitle } from "./reminders";
import { roleWithArticle } from "./roles";

export const NOTIFICATION_KINDS = [
  "weighting_opened",
  "scoring_opened",
  "deadline_soon",
  "results_revealed",
  "outcome_recorded",
  "joined_team",
  "role_changed",
  "mentioned",
  "review_due",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How each kind is named on the settings form. `deadline_soon` is every reminder, the facilitator's and the automatic ones. */
export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, string>> = {
  weighting_opened: "Weighting opened and your weights are needed",
  scoring_opened: "Scoring opened and your scores are needed",
  deadline_soon: "A reminder: your weights or scores are still needed (from the facilitator, or a day and an hour before a deadline)",
  results_revealed: "Results revealed",
  outcome_recorded: "Outcome recorded",
  joined_team: "You joined a team",
  role_changed: "Your role in a team changed",
  mentioned: "Someone mentioned you in a discussion",
  review_due: "A decision you took part in is due for review",
};

/** The kinds someone can be sent, so the ones the settings offer: all of them. */
export const SENT_NOTIFICATION_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS;

export const isNotificationKind = (value: string): value is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(value);

/** An event as the fan-out reads it: the payload is only read for names and roles, never for values. */
export type OutboxEvent = {
  id: number;
  type: string;
  teamId: string;
  decisionId: string | null;
  actorId: string | null;
  payload: Record<string, unknown>;
};

export type FanOutContext = {
  teamName: string;
  decisionTitle: string | null;
  /** Current members; `canVote` from the permissions table (lib/auth/roles.ts). */
  members: readonly { userId: string; canVote: boolean }[];
  /** For a review that falls due: the decision's facilitator and the voters of its deciding round. */
  reviewers?: readonly string[];
};

export type PlannedNotification = { userId: string; kind: NotificationKind; title: string; path: string };

/** The event types the fan-out looks at; every other event only moves the cursor on. */
export const NOTIFYING_EVENT_TYPES = [
  "decision.phase_changed",
  "decision.round_opened",
  "decision.decided",
  "member.joined",
  "member.role_changed",
  "comment.added",
  REMINDER_EVENT,
  "decision.review_due",
] as const;

const quoted = (title: string | null) => `“${title ?? "a decision"}”`;
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** Everyone to tell about `event`, one notification each; the person who acted is not told of their own act. */
export function planNotifications(event: OutboxEvent, context: FanOutContext): PlannedNotification[] {
  const team = `/teams/${event.teamId}`;
  const decision = event.decisionId ? `${team}/decisions/${event.decisionId}` : null;
  const others = context.members.filter((m) => m.userId !== event.actorId);
  const voters = others.filter((m) => m.canVote);
  const to = (people: readonly { userId: string }[], kind: NotificationKind, title: string, path: string) =>
    people.map((p) => ({ userId: p.userId, kind, title, path }));
  const isMember = (userId: string | null) => userId !== null && context.members.some((m) => m.userId === userId);

  switch (event.type) {
    case "decision.phase_changed": {
      if (!decision) return [];
      const phase = str(event.payload.to);
      if (phase === "weighting")
        return to(voters, "weighting_opened", `Weighting opened on ${quoted(context.decisionTitle)}: your weights are needed`, `${decision}/weights`);
      if (phase === "scoring")
        return to(voters, "scoring_opened", `Scoring opened on ${quoted(context.decisionTitle)}: your scores are needed`, `${decision}/scores`);
      if (phase === "revealed") return to(others, "results_revealed", `The results of ${quoted(context.decisionTitle)} are revealed`, `${decision}/results`);
      return [];
    }
    case "decision.round_opened":
      if (!decision) return [];
      return to(voters, "scoring_opened", `A new round of scoring opened on ${quoted(context.decisionTitle)}: your scores are needed`, `${decision}/scores`);
    case "decision.decided":
      if (!decision) return [];
      return to(others, "outcome_recorded", `The outcome of ${quoted(context.decisionTitle)} is recorded`, decision);
    case REMINDER_EVENT: {
      if (!decision) return [];
      // Exactly the people the reminder named, while they may still vote; never the sender.
      const named = new Set(reminderRecipients(event.payload));
      const page = event.payload.phase === "weighting" ? "weights" : "scores";
      return to(
        voters.filter((m) => named.has(m.userId)),
        "deadline_soon",
        reminderTitle(event.payload, quoted(context.decisionTitle)),
        `${decision}/${page}`,
      );
    }
    case "decision.review_due": {
      if (!decision) return [];
      const reviewers = new Set(context.reviewers ?? []);
      const title = `It is time to review ${quoted(context.decisionTitle)}: how did the choice turn out?`;
      return to(
        context.members.filter((m) => reviewers.has(m.userId)),
        "review_due",
        title,
        `${decision}/review`,
      );
    }
    case "member.joined": {
      const userId = str(event.payload.userId);
      if (!isMember(userId)) return [];
      return [{ userId: userId!, kind: "joined_team", title: `You joined ${quoted(context.teamName)} as ${roleWithArticle(event.payload.role)}`, path: team }];
    }
    case "member.role_changed": {
      const userId = str(event.payload.userId);
      if (!isMember(userId) || userId === event.actorId) return [];
      return [
        { userId: userId!, kind: "role_changed", title: `Your role in ${quoted(context.teamName)} is now ${str(event.payload.to) ?? "changed"}`, path: team },
      ];
    }
    case "comment.added": {
      if (!decision) return [];
      const mentioned = Array.isArray(event.payload.mentioned) ? event.payload.mentioned.filter((id): id is string => typeof id === "string") : [];
      const optionId = str(event.payload.optionId);
      const thread = optionId ? `${decision}/options/${optionId}` : `${decision}#discussion`;
      const where = optionId ? `the discussion of ${str(event.payload.optionName) ?? "an option"} on` : "the discussion of";
      // Only people still in the team, each once, never the author.
      return to(
        others.filter((m) => mentioned.includes(m.userId)),
        "mentioned",
        `You were mentioned in ${where} ${quoted(context.decisionTitle)}`,
        thread,
      );
    }
    default:
      return [];
  }
}

/** Delay before a failed job's next attempt: 30 s, doubling, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

export type EmailMessage = { to: string; subject: string; text: string; html: string };

/** A notification as an email: a plain-text and an HTML part, every value escaped, with a link straight to the page. */
export function notificationEmail(input: { to: string; name: string; title: string; url: string }): EmailMessage {
  const subject = input.title.replace(/[\r\n]+/g, " ").slice(0, 200);
  const settings = new URL("/account#notifications-heading", input.url).toString();
  const text = [`Hello ${input.name},`, "", input.title, "", `Open it: ${input.url}`, "", `Choose which emails you get: ${settings}`, ""].join("\n");
  const html = [
    `<p>Hello ${escapeHtml(input.name)},</p>`,
    `<p>${escapeHtml(input.title)}</p>`,
    `<p><a href="${escapeHtml(input.url)}">Open it in Verdict</a></p>`,
    `<p style="color:#64748b;font-size:12px"><a href="${escapeHtml(settings)}">Choose which emails you get</a></p>`,
  ].join("\n");
  return { to: input.to, subject, text, html };
}
