import { describeReminder, REMINDER_EVENT } from "./reminders";
import { roleWithArticle } from "./roles";
import { weightsSetAside } from "./undo";

// Plain-language lines for the activity feed. Payloads are written by the app, but read defensively:
// an old event must never break the page.

function text(value: unknown, fallback: string): string {
  return typeof value === "string" && value.length > 0 ? value : fallback;
}

const PHASE_WORDS: Record<string, string> = {
  draft: "draft",
  weighting: "weighting",
  scoring: "scoring",
  revealed: "revealed",
  decided: "decided",
  withdrawn: "withdrawn",
};

function describePhaseChange(payload: Record<string, unknown>, who: string): string {
  const to = text(payload.to, "");
  const from = text(payload.from, "");
  const phase = (value: string) => (Object.hasOwn(PHASE_WORDS, value) ? PHASE_WORDS[value]! : "the next phase");
  if (to === "withdrawn") {
    const reason = text(payload.reason, "");
    return `${who} withdrew the decision${reason ? `: ${reason}` : ""}`;
  }
  if (payload.reason === "deadline") return `The ${phase(from)} deadline passed: the decision moved to ${phase(to)}`;
  if (to === "revealed") return `${who} revealed the results`;
  return `${who} opened ${phase(to)}`;
}

function describeReturnToDraft(payload: Record<string, unknown>, who: string): string {
  const count = payload.setAside;
  const setAside = typeof count === "number" && Number.isInteger(count) && count >= 0 ? count : null;
  const what =
    setAside === null
      ? "the weights given so far were set aside"
      : setAside === 0
        ? "no weights had been given"
        : `${weightsSetAside(setAside)} were set aside`;
  return `${who} took the decision back to draft to fix it; ${what}`;
}

export function describeEvent(type: string, payload: Record<string, unknown>, actor: string | null): string {
  const who = actor ?? "Someone";
  const role = (key: string) => roleWithArticle(payload[key]);
  switch (type) {
    case "team.created":
      return `${who} created the team`;
    case "member.joined":
      return `${text(payload.name, who)} joined as ${role("role")}`;
    case "member.role_changed":
      return `${who} made ${text(payload.name, "someone")} ${role("to")}`;
    case "member.removed":
      return `${who} removed ${text(payload.name, "someone")}`;
    case "member.left":
      return `${text(payload.name, who)} left the team`;
    case "invite.created":
      return `${who} created an invite link for ${role("role")}`;
    case "invite.revoked":
      return `${who} revoked an invite link`;
    case "invite.regenerated":
      return `${who} regenerated an invite link for ${role("role")}`;
    case "decision.created":
      return `${who} created the decision${payload.anonymous === true ? " (anonymous)" : ""}`;
    case "decision.edited":
      return `${who} edited the draft`;
    case "decision.phase_changed":
      return describePhaseChange(payload, who);
    case "decision.round_opened":
      return `${who} opened scoring round ${typeof payload.round === "number" ? payload.round : "2"}`;
    case "decision.returned_to_draft":
      return describeReturnToDraft(payload, who);
    case "weights.submitted":
      return `${who} submitted weights`;
    case "weights.updated":
      return `${who} updated their weights`;
    case "scores.submitted":
      return `${who} submitted scores`;
    case "scores.updated":
      return `${who} updated their scores`;
    case "weights.withdrawn":
      return `${who} withdrew their weights`;
    case "scores.withdrawn":
      return `${who} withdrew their scores`;
    case "decision.decided":
      return `${who} recorded the decision: ${text(payload.chosenOptionName, "an option")}${payload.topRanked === false ? " (not the top-ranked option)" : ""}`;
    case "decision.superseded":
      return `${who} marked this decision superseded by “${text(payload.byTitle, "a newer decision")}”`;
    case "decision.supersedes":
      return `${who} marked this decision as superseding “${text(payload.title, "an older decision")}”`;
    case "decision.deprecated":
      return `${who} marked this decision deprecated`;
    case "outcome.amended":
      return `${who} amended the decision record`;
    case "comment.added":
      return typeof payload.optionName === "string" ? `${who} commented on ${text(payload.optionName, "an option")}` : `${who} commented`;
    case "comment.edited":
      return `${who} edited a comment`;
    case "comment.removed":
      return `Comment removed by ${who}`;
    case REMINDER_EVENT:
      return describeReminder(payload, who);
    case "decision.review_date_set":
      return `${who} set the review date${typeof payload.reviewDueAt === "string" ? ` to ${payload.reviewDueAt.slice(0, 10)}` : ""}`;
    case "decision.review_due":
      return "The review date came: the facilitator and the voters were asked how the choice turned out";
    case "review.submitted":
      return `${who} reviewed how the choice turned out`;
    case "review.updated":
      return `${who} updated their review`;
    default:
      return `${who}: ${type}`;
  }
}
