import { describe, expect, test } from "vitest";
import { describeEvent } from "@/lib/domain/describe-event";
import { visibleEventPayload } from "@/lib/domain/event-payload";
import { DECISION_STATUSES, passedDeadlineRefusal } from "@/lib/domain/phases";
import { canReturnToDraft, canWithdrawSheet, returnToDraftRefusal, sheetWithdrawalRefusal, weightsSetAside } from "@/lib/domain/undo";

describe("back to draft", () => {
  test("only a decision in weighting may go back to draft", () => {
    expect(DECISION_STATUSES.filter(canReturnToDraft)).toEqual(["weighting"]);
    expect(returnToDraftRefusal("weighting")).toBeNull();
  });

  test.each([
    ["draft", "This decision is already a draft."],
    ["scoring", "Only a decision in weighting can go back to draft; this one is now scoring."],
    ["revealed", "Only a decision in weighting can go back to draft; this one is now revealed."],
    ["decided", "Only a decision in weighting can go back to draft; this one is now decided."],
    ["withdrawn", "Only a decision in weighting can go back to draft; this one is now withdrawn."],
  ] as const)("%s is refused in words", (status, message) => {
    expect(returnToDraftRefusal(status)).toBe(message);
  });

  test("what is set aside reads as a count of members", () => {
    expect(weightsSetAside(0)).toBe("0 members' weights");
    expect(weightsSetAside(1)).toBe("1 member's weights");
    expect(weightsSetAside(4)).toBe("4 members' weights");
  });

  test("the timeline says it in plain words, however the payload reads", () => {
    expect(describeEvent("decision.returned_to_draft", { from: "weighting", to: "draft", setAside: 2 }, "Ada")).toBe(
      "Ada took the decision back to draft to fix it; 2 members' weights were set aside",
    );
    expect(describeEvent("decision.returned_to_draft", { setAside: 1 }, "Ada")).toBe(
      "Ada took the decision back to draft to fix it; 1 member's weights were set aside",
    );
    expect(describeEvent("decision.returned_to_draft", { setAside: 0 }, null)).toBe(
      "Someone took the decision back to draft to fix it; no weights had been given",
    );
    for (const odd of [{}, { setAside: "3" }, { setAside: -1 }, { setAside: 1.5 }]) {
      expect(describeEvent("decision.returned_to_draft", odd, "Ada")).toBe(
        "Ada took the decision back to draft to fix it; the weights given so far were set aside",
      );
    }
  });

  test("whose weights were set aside stays out of what the timeline and exports show", () => {
    const payload = { from: "weighting", to: "draft", setAside: 1, members: ["5b1c…"] };
    expect(visibleEventPayload("decision.returned_to_draft", payload)).toEqual({ from: "weighting", to: "draft", setAside: 1 });
    expect(visibleEventPayload("decision.returned_to_draft", null)).toEqual({});
  });
});

describe("withdrawing a sheet", () => {
  test("weights during weighting, scores during scoring, and nothing else", () => {
    expect(DECISION_STATUSES.filter((s) => canWithdrawSheet(s, "weights"))).toEqual(["weighting"]);
    expect(DECISION_STATUSES.filter((s) => canWithdrawSheet(s, "scores"))).toEqual(["scoring"]);
    expect(sheetWithdrawalRefusal("weighting", "weights")).toBeNull();
    expect(sheetWithdrawalRefusal("scoring", "scores")).toBeNull();
  });

  test.each([
    ["revealed", "scores", "Scores cannot be withdrawn after the reveal."],
    ["decided", "weights", "Weights cannot be withdrawn after the reveal."],
    ["scoring", "weights", "Weights can only be withdrawn during weighting; this decision is now scoring."],
    ["weighting", "scores", "Scores can only be withdrawn during scoring; this decision is now weighting."],
    ["withdrawn", "scores", "Scores can only be withdrawn during scoring; this decision is now withdrawn."],
  ] as const)("%s refuses %s: %s", (status, kind, message) => {
    expect(sheetWithdrawalRefusal(status, kind)).toBe(message);
  });

  test.each(["weights", "scores"])("the timeline says %s were withdrawn and nothing of their values", (kind) => {
    expect(describeEvent(`${kind}.withdrawn`, {}, "Grace")).toBe(`Grace withdrew their ${kind}`);
    expect(visibleEventPayload(`${kind}.withdrawn`, { cells: 12, weight: 7 })).toEqual({});
  });
});

describe("opening weighting with deadlines already past", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  const before = new Date("2026-03-01T11:00:00Z");
  const after = new Date("2026-03-01T13:00:00Z");

  test("is refused, naming which deadline passed", () => {
    expect(passedDeadlineRefusal({ weightingDeadline: null, scoringDeadline: null }, now)).toBeNull();
    expect(passedDeadlineRefusal({ weightingDeadline: after, scoringDeadline: after }, now)).toBeNull();
    expect(passedDeadlineRefusal({ weightingDeadline: now, scoringDeadline: after }, now)).toBe(
      "The weighting deadline has already passed: edit the draft to set a later one, or clear it, then open weighting.",
    );
    expect(passedDeadlineRefusal({ weightingDeadline: null, scoringDeadline: before }, now)).toBe(
      "The scoring deadline has already passed: edit the draft to set a later one, or clear it, then open weighting.",
    );
    expect(passedDeadlineRefusal({ weightingDeadline: before, scoringDeadline: before }, now)).toBe(
      "The weighting and scoring deadlines have already passed: edit the draft to set a later one, or clear it, then open weighting.",
    );
  });
});
