// The life of a decision: draft → weighting → scoring → revealed → decided, or withdrawn before
// it is decided. Pure rules; the database code applies them inside a transaction.

export const DECISION_STATUSES = ["draft", "weighting", "scoring", "revealed", "decided", "withdrawn"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const STATUS_LABELS: Record<DecisionStatus, string> = {
  draft: "Draft",
  weighting: "Weighting",
  scoring: "Scoring",
  revealed: "Revealed",
  decided: "Decided",
  withdrawn: "Withdrawn",
};

const NEXT: Partial<Record<DecisionStatus, DecisionStatus>> = {
  draft: "weighting",
  weighting: "scoring",
  scoring: "revealed",
  revealed: "decided",
};

export function nextPhase(status: DecisionStatus): DecisionStatus | null {
  return NEXT[status] ?? null;
}

export function canTransition(from: DecisionStatus, to: DecisionStatus): boolean {
  if (to === "withdrawn") return from !== "decided" && from !== "withdrawn";
  return NEXT[from] === to;
}

/** After a reveal the facilitator may ask for another scoring round (Delphi): members re-score having seen the spread. */
export const canOpenNextRound = (status: DecisionStatus) => status === "revealed";

export const isEditable = (status: DecisionStatus) => status === "draft";
export const acceptsWeights = (status: DecisionStatus) => status === "weighting";
export const acceptsScores = (status: DecisionStatus) => status === "scoring";
/** Before the reveal, nobody sees anyone else's weights or scores. */
export const isSealed = (status: DecisionStatus) => status === "draft" || status === "weighting" || status === "scoring";
export const isClosed = (status: DecisionStatus) => status === "decided" || status === "withdrawn";

export type PhaseClock = { status: DecisionStatus; weightingDeadline: Date | null; scoringDeadline: Date | null };

export type DeadlineTransition = { from: DecisionStatus; to: DecisionStatus; deadline: Date };

/**
 * Transitions that deadlines have already made due at `now`, in order. Several can be due at once:
 * a decision left in weighting past both deadlines goes straight through scoring to revealed.
 */
export function dueTransitions(clock: PhaseClock, now: Date): DeadlineTransition[] {
  const due: DeadlineTransition[] = [];
  let status = clock.status;
  if (status === "weighting" && clock.weightingDeadline && clock.weightingDeadline <= now) {
    due.push({ from: "weighting", to: "scoring", deadline: clock.weightingDeadline });
    status = "scoring";
  }
  if (status === "scoring" && clock.scoringDeadline && clock.scoringDeadline <= now) {
    due.push({ from: "scoring", to: "revealed", deadline: clock.scoringDeadline });
  }
  return due;
}

/**
 * The status once passed deadlines are applied: what a page shows, before any write records it.
 */
export function effectiveStatus(clock: PhaseClock, now: Date): DecisionStatus {
  const due = dueTransitions(clock, now);
  return due.length > 0 ? due[due.length - 1]!.to : clock.status;
}

/**
 * A decision as its deadlines make it at `now`, without writing anything: what every read shows.
 * The next write to the decision records the same transitions, dated at their deadlines.
 */
export function withDeadlinesApplied<D extends PhaseClock & { revealedAt: Date | null }>(decision: D, now: Date): D {
  const due = dueTransitions(decision, now);
  if (due.length === 0) return decision;
  const last = due[due.length - 1]!;
  return { ...decision, status: last.to, revealedAt: last.to === "revealed" ? last.deadline : decision.revealedAt };
}

/** Deadline transitions not yet recorded, as timeline entries like the recorded ones (negative ids never collide). */
export function pendingTransitionEvents(pending: readonly DeadlineTransition[]) {
  return pending.map((step, i) => ({
    id: -1 - i,
    type: "decision.phase_changed",
    payload: { from: step.from, to: step.to, reason: "deadline", deadline: step.deadline.toISOString() } as Record<string, unknown>,
    createdAt: step.deadline,
    actorName: null,
  }));
}

/** Why a phase-bound action is refused, in words for the person who tried. */
export function closedPhaseMessage(status: DecisionStatus, action: "weights" | "scores" | "edit"): string {
  const what =
    action === "edit"
      ? "Options and criteria can only be changed in draft"
      : `${action === "weights" ? "Weights" : "Scores"} can only be saved during ${action === "weights" ? "weighting" : "scoring"}`;
  return `${what}; this decision is now ${STATUS_LABELS[status].toLowerCase()}.`;
}

/**
 * Why weighting may not open now: a deadline that has already passed would move the decision on at
 * once (a draft can sit past its deadlines, as one taken back to draft to be fixed may). Null when it may.
 */
export function passedDeadlineRefusal(clock: Pick<PhaseClock, "weightingDeadline" | "scoringDeadline">, now: Date): string | null {
  const passed = [
    clock.weightingDeadline && clock.weightingDeadline <= now ? "weighting" : null,
    clock.scoringDeadline && clock.scoringDeadline <= now ? "scoring" : null,
  ].filter((phase) => phase !== null);
  if (passed.length === 0) return null;
  const which = passed.length === 2 ? "The weighting and scoring deadlines have" : `The ${passed[0]} deadline has`;
  return `${which} already passed: edit the draft to set a later one, or clear it, then open weighting.`;
}

/** The part a voter still owes a decision at `now`: its weights, its scores, or nothing. */
export function partAwaited(clock: PhaseClock, sent: { weighted: boolean; scored: boolean }, now: Date): "weights" | "scores" | null {
  const status = effectiveStatus(clock, now);
  if (status === "weighting" && !sent.weighted) return "weights";
  if (status === "scoring" && !sent.scored) return "scores";
  return null;
}

/**
 * When the results of a decision appear: they are out (revealed or decided), never will be
 * (withdrawn), or come at the reveal. The facilitator may reveal at any time during scoring; a
 * scoring deadline reveals them at the latest then, once nothing else waits on the facilitator:
 * in scoring, or in weighting that has a deadline of its own. In draft nothing is open yet.
 */
export type ResultsArrival = { kind: "out" } | { kind: "never" } | { kind: "at-reveal"; revealBy: Date | null };

export function resultsArrival(clock: PhaseClock): ResultsArrival {
  if (clock.status === "revealed" || clock.status === "decided") return { kind: "out" };
  if (clock.status === "withdrawn") return { kind: "never" };
  const deadlinesRun = clock.status === "scoring" || (clock.status === "weighting" && clock.weightingDeadline !== null);
  return { kind: "at-reveal", revealBy: deadlinesRun ? clock.scoringDeadline : null };
}
