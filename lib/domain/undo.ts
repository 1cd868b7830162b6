// Taking a step back where it is safe: a facilitator takes a decision in weighting back to draft to
// fix its options or criteria, and a member withdraws their own sheet while its phase is still open.
// Pure rules; the services apply them on the locked decision.

import { type DecisionStatus, STATUS_LABELS } from "./phases";

export type SheetKind = "weights" | "scores";

/** Only weighting goes back to draft: no scores exist yet, and weights can simply be given again. */
export const canReturnToDraft = (status: DecisionStatus) => status === "weighting";

/** Why the decision may not go back to draft now, in words for the facilitator; null when it may. */
export function returnToDraftRefusal(status: DecisionStatus): string | null {
  if (canReturnToDraft(status)) return null;
  if (status === "draft") return "This decision is already a draft.";
  return `Only a decision in weighting can go back to draft; this one is now ${STATUS_LABELS[status].toLowerCase()}.`;
}

/** "1 member's weights", "3 members' weights": what going back to draft sets aside. */
export function weightsSetAside(members: number): string {
  return members === 1 ? "1 member's weights" : `${members} members' weights`;
}

/** A member may take back their weights during weighting and their scores during scoring: before anyone sees them. */
export const canWithdrawSheet = (status: DecisionStatus, kind: SheetKind) => (kind === "weights" ? status === "weighting" : status === "scoring");

/** Why the member may not withdraw that sheet now; null when they may. */
export function sheetWithdrawalRefusal(status: DecisionStatus, kind: SheetKind): string | null {
  if (canWithdrawSheet(status, kind)) return null;
  const what = kind === "weights" ? "Weights" : "Scores";
  if (status === "revealed" || status === "decided") return `${what} cannot be withdrawn after the reveal.`;
  return `${what} can only be withdrawn during ${kind === "weights" ? "weighting" : "scoring"}; this decision is now ${STATUS_LABELS[status].toLowerCase()}.`;
}
