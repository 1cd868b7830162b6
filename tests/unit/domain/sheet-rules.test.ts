import { describe, expect, test } from "vitest";
import { scoreSheetProblem, unweightedProblem } from "../../../lib/domain/sheet-rules";

const cell = (over: Partial<Parameters<typeof scoreSheetProblem>[0][number]> = {}) => ({
  optionId: "o1",
  criterionId: "c1",
  comment: "",
  evidence: null,
  ...over,
});

describe("scoreSheetProblem", () => {
  test("a sheet with a score passes", () => {
    expect(scoreSheetProblem([cell({ score: 3 }), cell({ optionId: "o2" })])).toBeNull();
  });

  test.each([
    ["a comment", { comment: "why not" }],
    ["an evidence link", { evidence: "https://example.com/x" }],
  ])("%s without a score is refused on that cell's score field", (_what, over) => {
    expect(scoreSheetProblem([cell({ score: 4 }), cell({ optionId: "o2", ...over })])).toEqual({
      message: "A comment or link needs a score beside it.",
      fieldErrors: { "scores.o2.c1.score": "Choose a score for this comment or link" },
    });
  });

  test("an empty sheet, or one with only blank cells, needs at least one score", () => {
    for (const cells of [[], [cell(), cell({ optionId: "o2" })]]) {
      expect(scoreSheetProblem(cells)).toEqual({ message: "Score at least one option before saving.", fieldErrors: {} });
    }
  });
});

describe("unweightedProblem", () => {
  test("no criterion left out passes", () => {
    expect(unweightedProblem([])).toBeNull();
  });

  test("each criterion left out is refused on its own field", () => {
    expect(unweightedProblem(["c2", "c3"])).toEqual({
      message: "Give every criterion a weight (0 means it does not matter to you).",
      fieldErrors: { "weights.c2": "Give a weight from 0 to 10", "weights.c3": "Give a weight from 0 to 10" },
    });
  });
});
