/**
 * What of an event's payload may be shown, on a page or in an export. Ballot events say only
 * that someone submitted or updated their sheet: anything more (older events carry how many
 * cells were scored) would tell, before the reveal, how far each member got.
 */
const BALLOT_EVENTS = new Set(["weights.submitted", "weights.updated", "scores.submitted", "scores.updated", "weights.withdrawn", "scores.withdrawn"]);

export function visibleEventPayload(type: string, payload: Record<string, unknown> | null | undefined): Record<string, unknown> {
  if (BALLOT_EVENTS.has(type)) return {};
  // Going back to draft keeps whose weights it set aside, for their notice; the timeline says how many.
  if (type === "decision.returned_to_draft" && payload) {
    const { members: _members, ...shown } = payload;
    return shown;
  }
  return payload ?? {};
}
