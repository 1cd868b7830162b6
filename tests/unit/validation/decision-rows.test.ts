import { describe, expect, test } from "vitest";
import {
  advancePhaseSchema,
  createDecisionSchema,
  decideSchema,
  deprecateSchema,
  historyFilterSchema,
  LIMITS,
  supersedeSchema,
  withdrawSchema,
} from "@/lib/validation/decision";
import { DECISION_ID, draft, OPTION_ID, ref, TEAM_ID } from "../support/decision-input";
import { issuesOf, parsed } from "../support/zod";

describe("decision draft rows", () => {
  test("rows arrive keyed by index; blank rows are dropped, whitespace-only ones too", () => {
    const input = parsed(
      createDecisionSchema,
      draft({
        customOptions: { 0: { name: " Own build ", description: "", link: "" }, 1: { name: "", description: "  ", link: "" } },
        criteria: { 0: { name: "Speed" }, 1: { name: "   ", description: "" }, 2: { name: "Cost", description: " cheap " } },
      }),
    );
    expect(input.customOptions).toEqual([{ name: "Own build", description: "", link: null }]);
    expect(input.criteria).toEqual([
      { name: "Speed", description: "" },
      { name: "Cost", description: "cheap" },
    ]);
  });

  test("a row with only a description still needs its name", () => {
    expect(issuesOf(createDecisionSchema, draft({ criteria: { 0: { name: "", description: "how fast" } } }))).toEqual([
      "criteria.0.name: Give this criterion a name, or remove it",
    ]);
  });

  test("a single framework is one slug, not a list", () => {
    expect(issuesOf(createDecisionSchema, draft({ frameworks: "nextjs" }))).toEqual(["options: Shortlist at least two options to choose between"]);
  });

  test("the option and criterion counts are bounded", () => {
    const many = (n: number, prefix: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { name: `${prefix} ${i}` }]));
    expect(issuesOf(createDecisionSchema, draft({ frameworks: [], customOptions: many(LIMITS.options + 1, "Option") }))).toEqual([
      `options: Shortlist at most ${LIMITS.options} options`,
    ]);
    expect(issuesOf(createDecisionSchema, draft({ criteria: many(LIMITS.criteria + 1, "Criterion") }))).toEqual([
      `criteria: Use at most ${LIMITS.criteria} criteria`,
    ]);
    expect(issuesOf(createDecisionSchema, draft({ criteria: {} }))).toEqual(["criteria: Keep at least one criterion"]);
  });

  test("names repeated in another case are duplicates", () => {
    expect(issuesOf(createDecisionSchema, draft({ criteria: { 0: { name: "Speed" }, 1: { name: "SPEED " } } }))).toEqual([
      "criteria: Each criterion needs a different name",
    ]);
    expect(issuesOf(createDecisionSchema, draft({ customOptions: { 0: { name: "Own" }, 1: { name: "own" } } }))).toEqual([
      "options: Each custom option needs a different name",
    ]);
  });

  test("a title is required and bounded", () => {
    expect(issuesOf(createDecisionSchema, draft({ title: "   " }))).toEqual(["title: Give the decision a title"]);
    expect(issuesOf(createDecisionSchema, draft({ title: "x".repeat(LIMITS.title + 1) }))).toEqual([
      `title: Use at most ${LIMITS.title} characters for the title`,
    ]);
  });

  test("anonymous is a checkbox: on when ticked, off otherwise", () => {
    expect(parsed(createDecisionSchema, draft({ anonymous: "on" })).anonymous).toBe(true);
    expect(parsed(createDecisionSchema, draft()).anonymous).toBe(false);
  });
});

describe("deadlines and time zones", () => {
  test("blank deadlines are no deadline", () => {
    const input = parsed(createDecisionSchema, draft({ weightingDeadline: "", scoringDeadline: " " }));
    expect(input.weightingDeadline).toBeNull();
    expect(input.scoringDeadline).toBeNull();
  });

  test("seconds are kept; a negative offset moves the instant later", () => {
    const at = parsed(createDecisionSchema, draft({ scoringDeadline: "2026-12-31T23:59:30", timezoneOffset: "-300" })).scoringDeadline!;
    expect(at.toISOString()).toBe("2027-01-01T04:59:30.000Z");
  });

  test("a quarter-hour zone such as UTC+05:45 is real", () => {
    const at = parsed(createDecisionSchema, draft({ weightingDeadline: "2026-03-01T06:00", timezoneOffset: "345" })).weightingDeadline!;
    expect(at.toISOString()).toBe("2026-03-01T00:15:00.000Z");
  });

  test("both deadlines take the same offset", () => {
    const input = parsed(createDecisionSchema, draft({ weightingDeadline: "2026-03-01T10:00", scoringDeadline: "2026-03-02T10:00", timezoneOffset: "60" }));
    expect(input.scoringDeadline!.getTime() - input.weightingDeadline!.getTime()).toBe(24 * 3_600_000);
  });
});

describe("the other decision forms", () => {
  test("advancing names the phase the person saw", () => {
    expect(parsed(advancePhaseSchema, { ...ref, from: "scoring" }).from).toBe("scoring");
    expect(issuesOf(advancePhaseSchema, { ...ref, from: "decided" })).toEqual(["from: Unknown phase"]);
  });

  test("withdrawing takes an optional, bounded reason", () => {
    expect(parsed(withdrawSchema, ref).reason).toBe("");
    expect(issuesOf(withdrawSchema, { ...ref, reason: "x".repeat(501) })).toEqual(["reason: Use at most 500 characters for the reason"]);
  });

  test("deciding needs every part of the record", () => {
    expect(issuesOf(decideSchema, { ...ref, chosenOptionId: OPTION_ID, context: " ", decision: "", consequencesGood: "", consequencesBad: "" })).toEqual([
      "context: Describe the context: the problem this decision answers",
      "decision: State the decision and why it was taken",
      "consequencesGood: Name at least one good consequence",
      "consequencesBad: Name at least one cost or risk: every choice has some",
    ]);
    const full = { ...ref, chosenOptionId: OPTION_ID, context: "c", decision: "d", consequencesGood: "g", consequencesBad: "b" };
    expect(parsed(decideSchema, full).justification).toBe("");
  });

  test("superseding and deprecating take ids only", () => {
    expect(parsed(supersedeSchema, { ...ref, supersededById: DECISION_ID }).supersededById).toBe(DECISION_ID);
    expect(issuesOf(deprecateSchema, { teamId: TEAM_ID, decisionId: "nope" }).length).toBe(1);
  });

  test("a bad history filter is ignored, not an error", () => {
    expect(parsed(historyFilterSchema, { status: "lost", q: 42 })).toEqual({ status: undefined, q: undefined });
    expect(parsed(historyFilterSchema, { status: "decided", q: " kafka " })).toEqual({ status: "decided", q: "kafka" });
  });
});
