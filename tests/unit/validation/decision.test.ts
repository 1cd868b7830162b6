import { describe, expect, test } from "vitest";
import { createDecisionSchema, editDecisionSchema, openNextRoundSchema, scoreSheetSchema, weightSheetSchema } from "@/lib/validation/decision";
import { CRITERION_ID, DECISION_ID, draft, OPTION_ID, ref } from "../support/decision-input";
import { issuesOf, parsed } from "../support/zod";

describe("weightSheetSchema takes only plain whole numbers from 0 to 10", () => {
  const sheet = (weight: unknown) => ({ ...ref, weights: { [CRITERION_ID]: weight } });
  const path = `weights.${CRITERION_ID}`;

  test.each([
    { input: "0", expected: 0 },
    { input: "7", expected: 7 },
    { input: "10", expected: 10 },
  ])("$input → $expected", ({ input, expected }) => {
    expect(parsed(weightSheetSchema, sheet(input)).weights[CRITERION_ID]).toBe(expected);
  });

  test.each([
    { input: "", message: "Give a weight from 0 to 10" },
    { input: "   ", message: "Give a weight from 0 to 10" },
    { input: "1e1", message: "Give a weight from 0 to 10" },
    { input: "0x5", message: "Give a weight from 0 to 10" },
    { input: " 7 ", message: "Give a weight from 0 to 10" },
    { input: "7 ", message: "Give a weight from 0 to 10" },
    { input: "0b11", message: "Give a weight from 0 to 10" },
    { input: "Infinity", message: "Give a weight from 0 to 10" },
    { input: "NaN", message: "Give a weight from 0 to 10" },
    { input: "٣", message: "Give a weight from 0 to 10" },
    { input: ["3", "4"], message: "Give a weight from 0 to 10" },
    { input: "2.5", message: "Use a whole number from 0 to 10" },
    { input: "-1", message: "Weights go from 0 to 10" },
    { input: "11", message: "Weights go from 0 to 10" },
    { input: "99999999999999999999", message: "Give a weight from 0 to 10" },
  ])("$input is refused: $message", ({ input, message }) => {
    expect(issuesOf(weightSheetSchema, sheet(input))).toEqual([`${path}: ${message}`]);
  });
});

describe("scoreSheetSchema", () => {
  const sheet = (cell: Record<string, unknown>) => ({ ...ref, scores: { [OPTION_ID]: { [CRITERION_ID]: cell } } });
  const path = `scores.${OPTION_ID}.${CRITERION_ID}`;

  test("a blank score is 'not scored', not zero", () => {
    expect(parsed(scoreSheetSchema, sheet({ score: "" })).cells).toEqual([
      { optionId: OPTION_ID, criterionId: CRITERION_ID, score: undefined, comment: "", evidence: null },
    ]);
  });

  test.each(["1e0", "0x3", " 3 ", "3.0", "6", "0"])("score %j is refused", (score) => {
    expect(issuesOf(scoreSheetSchema, sheet({ score }))).toEqual([`${path}.score: Choose a score from 1 to 5`]);
  });

  test.each(["https://example.com/bench", "http://docs.example.org/a?b=c#d"])("evidence %s is kept", (evidence) => {
    expect(parsed(scoreSheetSchema, sheet({ score: "4", evidence })).cells[0]!.evidence).toBe(evidence);
  });

  test.each([
    "https://example.com <script>alert(1)</script>",
    "https://example.com\njavascript:alert(1)",
    "https://example.com\u0000",
    "https://example.com\u0007bell",
    "javascript:alert(1)//https://example.com",
    "https://localhost",
    "https://exa mple.com",
    "ftp://example.com",
  ])("evidence %j is refused: the whole value must be one web address", (evidence) => {
    expect(issuesOf(scoreSheetSchema, sheet({ score: "4", evidence }))).toEqual([
      `${path}.evidence: Enter a full web address starting with http:// or https://`,
    ]);
  });
});

describe("decision drafts", () => {
  test("a real deadline becomes the instant it names in the browser's time zone", () => {
    const input = parsed(createDecisionSchema, draft({ weightingDeadline: "2026-02-28T17:30", timezoneOffset: "120" }));
    expect(input.weightingDeadline?.toISOString()).toBe("2026-02-28T15:30:00.000Z");
  });

  test("29 February exists in a leap year", () => {
    expect(parsed(createDecisionSchema, draft({ scoringDeadline: "2028-02-29T09:00" })).scoringDeadline?.toISOString()).toBe("2028-02-29T09:00:00.000Z");
  });

  test.each([
    "9999-99-99T99:99",
    "2026-13-01T10:00",
    "2026-02-29T10:00",
    "2026-04-31T10:00",
    "2026-01-01T24:00",
    "2026-01-01T10:60",
    "2026-01-01T10:00:61",
    "2026-01-01",
    "tomorrow",
  ])("deadline %s is refused", (deadline) => {
    expect(issuesOf(createDecisionSchema, draft({ weightingDeadline: deadline }))).toEqual(["weightingDeadline: Enter a real date and time"]);
  });

  test.each(["9999-12-31T23:59", "0000-01-01T00:00", "1999-12-31T23:59"])("deadline %s is outside the years a deadline may take", (deadline) => {
    expect(issuesOf(createDecisionSchema, draft({ scoringDeadline: deadline }))).toEqual([
      "scoringDeadline: Choose a deadline between the years 2000 and 2999",
    ]);
  });

  test.each(["1e1", "0x5", " 60 ", "841", "-841", "7", "12.5"])("time zone offset %j is refused", (timezoneOffset) => {
    expect(issuesOf(createDecisionSchema, draft({ timezoneOffset }))).toEqual(["timezoneOffset: Unknown time zone"]);
  });

  test.each([
    { input: "", expected: 0 },
    { input: "-840", expected: -840 },
    { input: "345", expected: 345 },
  ])("time zone offset $input is read as $expected minutes", ({ input, expected }) => {
    const at = parsed(createDecisionSchema, draft({ timezoneOffset: input, weightingDeadline: "2026-06-01T12:00" })).weightingDeadline!;
    expect(at.getTime()).toBe(Date.UTC(2026, 5, 1, 12, 0) - expected * 60_000);
  });

  test.each(["https://example.com x", "https://example.com\tx"])("a custom option link %j is refused", (link) => {
    expect(issuesOf(createDecisionSchema, draft({ customOptions: { 0: { name: "Own", link } } }))).toEqual([
      "customOptions.0.link: Enter a full web address starting with http:// or https://",
    ]);
  });

  test.each(["1e0", " 1", "0x1", "0"])("edit version %j is refused", (version) => {
    expect(issuesOf(editDecisionSchema, draft({ decisionId: DECISION_ID, version }))).toEqual(["version: Unknown version"]);
  });

  test.each(["1e0", " 2", ""])("round %j is refused", (round) => {
    expect(issuesOf(openNextRoundSchema, { ...ref, round })).toEqual(["round: Unknown round"]);
  });
});
