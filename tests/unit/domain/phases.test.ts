import { describe, expect, test } from "vitest";
import {
  acceptsScores,
  acceptsWeights,
  canOpenNextRound,
  partAwaited,
  resultsArrival,
  canTransition,
  closedPhaseMessage,
  DECISION_STATUSES,
  type DecisionStatus,
  dueTransitions,
  effectiveStatus,
  isClosed,
  isEditable,
  isSealed,
  nextPhase,
} from "@/lib/domain/phases";

describe("transitions", () => {
  // Every pair written out: a change to the life cycle must change this table too.
  const allowed: Record<DecisionStatus, DecisionStatus[]> = {
    draft: ["weighting", "withdrawn"],
    weighting: ["scoring", "withdrawn"],
    scoring: ["revealed", "withdrawn"],
    revealed: ["decided", "withdrawn"],
    decided: [],
    withdrawn: [],
  };
  const pairs = DECISION_STATUSES.flatMap((from) => DECISION_STATUSES.map((to) => ({ from, to, ok: allowed[from].includes(to) })));

  test.each(pairs)("$from → $to: $ok", ({ from, to, ok }) => {
    expect(canTransition(from, to)).toBe(ok);
  });

  test.each([
    ["draft", "weighting"],
    ["weighting", "scoring"],
    ["scoring", "revealed"],
    ["revealed", "decided"],
    ["decided", null],
    ["withdrawn", null],
  ] as const)("after %s comes %s", (status, next) => {
    expect(nextPhase(status)).toBe(next);
  });
});

describe("what each phase allows", () => {
  test.each([
    // status,     editable, weights, scores, sealed, closed, next round
    ["draft", true, false, false, true, false, false],
    ["weighting", false, true, false, true, false, false],
    ["scoring", false, false, true, true, false, false],
    ["revealed", false, false, false, false, false, true],
    ["decided", false, false, false, false, true, false],
    ["withdrawn", false, false, false, false, true, false],
  ] as const)("%s", (status, editable, weights, scores, sealed, closed, nextRound) => {
    expect(isEditable(status)).toBe(editable);
    expect(acceptsWeights(status)).toBe(weights);
    expect(acceptsScores(status)).toBe(scores);
    expect(isSealed(status)).toBe(sealed);
    expect(isClosed(status)).toBe(closed);
    expect(canOpenNextRound(status)).toBe(nextRound);
  });

  test.each([
    ["scoring", "weights", "Weights can only be saved during weighting; this decision is now scoring."],
    ["revealed", "scores", "Scores can only be saved during scoring; this decision is now revealed."],
    ["weighting", "edit", "Options and criteria can only be changed in draft; this decision is now weighting."],
  ] as const)("a %s decision refuses %s with a plain message", (status, action, message) => {
    expect(closedPhaseMessage(status, action)).toBe(message);
  });
});

describe("deadlines", () => {
  const at = (hour: number) => new Date(Date.UTC(2026, 10, 25, hour));
  test.each([
    { name: "no deadlines", status: "weighting", weighting: null, scoring: null, now: 12, expected: [] },
    { name: "weighting deadline not reached", status: "weighting", weighting: 13, scoring: null, now: 12, expected: [] },
    { name: "weighting deadline reached exactly", status: "weighting", weighting: 12, scoring: null, now: 12, expected: ["weighting→scoring"] },
    { name: "both passed while weighting", status: "weighting", weighting: 10, scoring: 11, now: 12, expected: ["weighting→scoring", "scoring→revealed"] },
    { name: "weighting passed, scoring not yet", status: "weighting", weighting: 10, scoring: 14, now: 12, expected: ["weighting→scoring"] },
    { name: "scoring deadline passed", status: "scoring", weighting: 10, scoring: 11, now: 12, expected: ["scoring→revealed"] },
    { name: "draft ignores deadlines", status: "draft", weighting: 10, scoring: 11, now: 12, expected: [] },
    { name: "revealed ignores deadlines", status: "revealed", weighting: 10, scoring: 11, now: 12, expected: [] },
  ] as const)("$name", ({ status, weighting, scoring, now, expected }) => {
    const due = dueTransitions(
      { status, weightingDeadline: weighting === null ? null : at(weighting), scoringDeadline: scoring === null ? null : at(scoring) },
      at(now),
    );
    expect(due.map((d) => `${d.from}→${d.to}`)).toEqual(expected);
    const clock = { status, weightingDeadline: weighting === null ? null : at(weighting), scoringDeadline: scoring === null ? null : at(scoring) };
    expect(effectiveStatus(clock, at(now))).toBe(expected.length > 0 ? expected[expected.length - 1]!.split("→")[1] : status);
  });
});

describe("partAwaited", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const hour = (h: number) => new Date(now.getTime() + h * 3_600_000);
  const none = { weighted: false, scored: false };
  test.each([
    { name: "weighting, nothing sent", clock: { status: "weighting", weightingDeadline: null, scoringDeadline: null }, sent: none, part: "weights" },
    {
      name: "weighting, weights sent",
      clock: { status: "weighting", weightingDeadline: null, scoringDeadline: null },
      sent: { weighted: true, scored: false },
      part: null,
    },
    {
      name: "scoring, no scores",
      clock: { status: "scoring", weightingDeadline: null, scoringDeadline: hour(1) },
      sent: { weighted: true, scored: false },
      part: "scores",
    },
    {
      name: "scoring, scores sent",
      clock: { status: "scoring", weightingDeadline: null, scoringDeadline: null },
      sent: { weighted: false, scored: true },
      part: null,
    },
    {
      name: "weighting past its deadline: scores now",
      clock: { status: "weighting", weightingDeadline: hour(-1), scoringDeadline: hour(2) },
      sent: none,
      part: "scores",
    },
    { name: "scoring past its deadline: nothing", clock: { status: "scoring", weightingDeadline: null, scoringDeadline: hour(-1) }, sent: none, part: null },
    { name: "draft", clock: { status: "draft", weightingDeadline: null, scoringDeadline: null }, sent: none, part: null },
  ] as const)("$name → $part", ({ clock, sent, part }) => {
    expect(partAwaited(clock, sent, now)).toBe(part);
  });
});

describe("resultsArrival", () => {
  const at = new Date("2031-03-14T15:00:00Z");
  const before = new Date("2031-03-10T15:00:00Z");
  test.each([
    {
      name: "draft: nothing runs yet",
      clock: { status: "draft", weightingDeadline: before, scoringDeadline: at },
      arrival: { kind: "at-reveal", revealBy: null },
    },
    {
      name: "weighting without a deadline of its own: only the facilitator moves it on",
      clock: { status: "weighting", weightingDeadline: null, scoringDeadline: at },
      arrival: { kind: "at-reveal", revealBy: null },
    },
    {
      name: "weighting with both deadlines: revealed at the latest when scoring closes",
      clock: { status: "weighting", weightingDeadline: before, scoringDeadline: at },
      arrival: { kind: "at-reveal", revealBy: at },
    },
    {
      name: "scoring with a deadline",
      clock: { status: "scoring", weightingDeadline: null, scoringDeadline: at },
      arrival: { kind: "at-reveal", revealBy: at },
    },
    {
      name: "scoring without one: whenever the facilitator reveals",
      clock: { status: "scoring", weightingDeadline: before, scoringDeadline: null },
      arrival: { kind: "at-reveal", revealBy: null },
    },
    { name: "revealed", clock: { status: "revealed", weightingDeadline: null, scoringDeadline: null }, arrival: { kind: "out" } },
    { name: "decided", clock: { status: "decided", weightingDeadline: null, scoringDeadline: at }, arrival: { kind: "out" } },
    { name: "withdrawn", clock: { status: "withdrawn", weightingDeadline: null, scoringDeadline: at }, arrival: { kind: "never" } },
  ] as const)("$name", ({ clock, arrival }) => {
    expect(resultsArrival(clock)).toEqual(arrival);
  });
});
