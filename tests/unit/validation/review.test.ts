import { describe, expect, test } from "vitest";
import { parseForm } from "@/lib/validation/form-data";
import { recordDecisionSchema, setReviewDateSchema } from "@/lib/validation/review";

const TEAM = "00000000-0000-4000-8000-000000000001";
const DECISION = "00000000-0000-4000-8000-00000000000d";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

describe("the review date field", () => {
  test.each([
    ["a real day", "2027-05-30", true],
    ["spaces around it", " 2027-05-30 ", true],
    ["a day the month lacks", "2027-02-30", false],
    ["a month that does not exist", "2027-13-01", false],
    ["a date with a time", "2027-05-30T10:00", false],
    ["another format", "30/05/2027", false],
    ["before the year 2000", "1999-12-31", false],
    ["after the year 2999", "3000-01-01", false],
    ["empty", "", false],
  ])("when moved: %s", (_name, value, ok) => {
    const parsed = parseForm(setReviewDateSchema, form({ teamId: TEAM, decisionId: DECISION, reviewOn: value }));
    expect(parsed.success).toBe(ok);
    if (!parsed.success) expect(parsed.state.fieldErrors?.reviewOn).toMatch(/date/);
  });

  test("on the record form it may be left empty (six months, then), but a wrong one is refused", () => {
    const record = {
      teamId: TEAM,
      decisionId: DECISION,
      chosenOptionId: "00000000-0000-4000-8000-0000000000f1",
      context: "c",
      decision: "d",
      consequencesGood: "g",
      consequencesBad: "b",
    };
    const blank = parseForm(recordDecisionSchema, form({ ...record, reviewOn: "" }));
    expect(blank.success && blank.data.reviewOn).toBeUndefined();
    const chosen = parseForm(recordDecisionSchema, form({ ...record, reviewOn: "2027-05-30" }));
    expect(chosen.success && chosen.data.reviewOn).toBe("2027-05-30");
    const wrong = parseForm(recordDecisionSchema, form({ ...record, reviewOn: "2027-02-29" }));
    expect(wrong.success).toBe(false);
  });
});
