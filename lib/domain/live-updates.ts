// What an open page says when the decision changes under it. A live update carries only the
// event's type (never who did it, nor any value), so the sentences name no one; a phase change
// is worded by the phase the refreshed page now shows.

const PHASE_SENTENCES: Readonly<Record<string, string>> = {
  weighting: "Weighting opened",
  scoring: "Scoring opened",
  revealed: "Results revealed",
  decided: "The outcome was recorded",
  withdrawn: "The decision was withdrawn",
  draft: "The decision went back to draft",
};

const EVENT_SENTENCES: Readonly<Record<string, string>> = {
  "decision.edited": "The draft was edited",
  "decision.round_opened": "A new scoring round opened",
  "decision.returned_to_draft": "The decision went back to draft",
  "weights.submitted": "Someone submitted their weights",
  "weights.updated": "Someone updated their weights",
  "weights.withdrawn": "Someone withdrew their weights",
  "scores.submitted": "Someone submitted their scores",
  "scores.updated": "Someone updated their scores",
  "scores.withdrawn": "Someone withdrew their scores",
  "decision.decided": "The outcome was recorded",
  "decision.superseded": "This decision was marked superseded",
  "decision.supersedes": "This decision now supersedes an older one",
  "decision.deprecated": "This decision was marked deprecated",
  "outcome.amended": "The decision record was amended",
  "comment.added": "Someone commented",
  "comment.edited": "Someone edited a comment",
  "comment.removed": "Someone removed a comment",
  "reminder.sent": "A reminder was sent to those who have not submitted",
  "decision.review_date_set": "The review date was changed",
  "decision.review_due": "The review is open",
  "review.submitted": "Someone reviewed the decision",
  "review.updated": "Someone updated their review",
};

/** The team's own events, which only the team's stream carries (besides every decision's). */
const TEAM_EVENT_SENTENCES: Readonly<Record<string, string>> = {
  "member.joined": "Someone joined the team",
  "member.role_changed": "A member's role changed",
  "member.removed": "A member was removed from the team",
  "member.left": "A member left the team",
  "invite.created": "An invite link was created",
  "invite.revoked": "An invite link was revoked",
  "invite.regenerated": "An invite link was regenerated",
};

/** Every event type a decision's stream can name (each is an SSE `event:`, which a page listens for by name). */
export const DECISION_EVENT_TYPES: readonly string[] = ["decision.created", "decision.phase_changed", ...Object.keys(EVENT_SENTENCES)];

/** Every event type a team's stream can name: its decisions' and its own. */
export const LIVE_EVENT_TYPES: readonly string[] = [...DECISION_EVENT_TYPES, "team.created", ...Object.keys(TEAM_EVENT_SENTENCES)];

/**
 * The sentence a polite live region reads for an event, given the phase the page shows after
 * refreshing; null for an event that changes nothing a reader needs to hear.
 */
export function liveSentence(type: string, phase: string | null): string | null {
  if (type === "decision.created" || type === "team.created") return null;
  if (Object.hasOwn(TEAM_EVENT_SENTENCES, type)) return TEAM_EVENT_SENTENCES[type]!;
  if (type === "decision.phase_changed") {
    // A team page shows no one phase (null): one of its decisions moved.
    if (phase === null) return "A decision moved to its next phase";
    return Object.hasOwn(PHASE_SENTENCES, phase) ? PHASE_SENTENCES[phase]! : "The decision moved to its next phase";
  }
  return Object.hasOwn(EVENT_SENTENCES, type) ? EVENT_SENTENCES[type]! : "The decision changed";
}

/** The stream's event carrying the viewer's own unread count (`{ unread }`), for the bell. */
export const UNREAD_EVENT = "notifications.unread";
/** The window event the page's one stream passes that count on with, so the bell needs no stream of its own. */
export const UNREAD_WINDOW_EVENT = "verdict:unread";

/** A decision's live stream: its events only. */
export const decisionLiveUrl = (teamId: string, decisionId: string) => `/api/teams/${teamId}/decisions/${decisionId}/live`;
/** A team's live stream: every event of the team, its decisions' included. */
export const teamLiveUrl = (teamId: string) => `/api/teams/${teamId}/live`;

/** A member's weights or scores saved or withdrawn: progress, which a decision's pages show and the team page does not. */
export function isBallotEvent(type: string): boolean {
  return type.startsWith("weights.") || type.startsWith("scores.");
}

/** Events the team page shows nothing of, so it does not refresh for them: progress, and reminders. */
export function teamPageIgnores(type: string): boolean {
  return isBallotEvent(type) || type === "reminder.sent";
}

export type LiveSheet = "weights" | "scores";

/** Events that end the phase a weight or score sheet is open in (moved on, revealed, withdrawn, back to draft). */
const PHASE_ENDING = new Set(["decision.phase_changed", "decision.returned_to_draft"]);

export function endsSheetPhase(type: string): boolean {
  return PHASE_ENDING.has(type);
}

/** What a sheet that was being edited says when its phase ends: the page keeps what was typed. */
export function sheetClosedNotice(sheet: LiveSheet): string {
  return `${sheet === "scores" ? "Scoring" : "Weighting"} closed while you were editing; nothing you typed is lost.`;
}

/** Several events at once read as one sentence each, in order, without repeats. */
export function liveAnnouncement(types: readonly string[], phase: string | null): string {
  const sentences = types.map((type) => liveSentence(type, phase)).filter((s): s is string => s !== null);
  return [...new Set(sentences)].map((s) => `${s}.`).join(" ");
}
