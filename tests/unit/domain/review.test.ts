import { describe, expect, test } from "vitest";
import { addMonths, calendarDayIn, type ReviewScores, compareReview, defaultReviewDue, reviewVerdict, startOfDayIn } from "@/lib/domain/review";

describe("the review date", () => {
  test.each([
    ["an ordinary day", "2026-03-10T14:30:00.000Z", "2026-09-10T14:30:00.000Z"],
    ["across a year end", "2026-09-15T08:00:00.000Z", "2027-03-15T08:00:00.000Z"],
    ["a day the month lacks becomes its last", "2026-08-31T12:00:00.000Z", "2027-02-28T12:00:00.000Z"],
    ["into a leap February", "2027-08-30T00:00:00.000Z", "2028-02-29T00:00:00.000Z"],
  ])("defaults to six calendar months after deciding: %s", (_name, decided, due) => {
    expect(defaultReviewDue(new Date(decided)).toISOString()).toBe(due);
  });

  test("adds months either way", () => {
    expect(addMonths(new Date("2026-03-31T00:00:00Z"), -1).toISOString()).toBe("2026-02-28T00:00:00.000Z");
  });

  test.each([
    ["UTC", "2026-09-10", "2026-09-10T00:00:00.000Z"],
    ["Europe/Paris", "2026-07-01", "2026-06-30T22:00:00.000Z"],
    ["Europe/Paris", "2026-12-01", "2026-11-30T23:00:00.000Z"],
    ["Europe/Paris", "2026-03-29", "2026-03-28T23:00:00.000Z"],
    ["America/Los_Angeles", "2026-09-10", "2026-09-10T07:00:00.000Z"],
    ["Asia/Kolkata", "2026-09-10", "2026-09-09T18:30:00.000Z"],
  ])("a chosen day falls due at its first moment in the reader's zone: %s, %s", (zone, day, instant) => {
    expect(startOfDayIn(day, zone).toISOString()).toBe(instant);
  });

  test("the day a moment falls on depends on the zone", () => {
    const moment = new Date("2026-09-09T23:30:00.000Z");
    expect(calendarDayIn(moment, "UTC")).toBe("2026-09-09");
    expect(calendarDayIn(moment, "Europe/Paris")).toBe("2026-09-10");
    expect(calendarDayIn(startOfDayIn("2026-09-10", "Asia/Kolkata"), "Asia/Kolkata")).toBe("2026-09-10");
  });
});

describe("expectation against outcome", () => {
  // Worked by hand. The deciding round expected of the chosen option (its mean score per criterion):
  //   Speed 4.5, Cost 3, Docs 2.5, Hiring 3.25, Onboarding 3.26, Ops 4, Risk — (nobody scored it).
  // Two reviews say how it actually did:
  //   Ana:  Speed 3, Cost 4, Docs 3, Hiring 4, Onboarding 4,        Risk 3
  //   Ben:  Speed 4, Cost 4, Docs 2, Hiring 4, Onboarding 4
  // Means and differences (reviewed − expected):
  //   Speed      (3+4)/2 = 3.5   3.5 − 4.5  = −1     at least 0.75 below: too optimistic
  //   Cost       (4+4)/2 = 4     4 − 3      = +1     at least 0.75 above: too pessimistic
  //   Docs       (3+2)/2 = 2.5   2.5 − 2.5  = 0      held
  //   Hiring     4               4 − 3.25   = +0.75  exactly the threshold: too pessimistic
  //   Onboarding 4               4 − 3.26   = +0.74  just inside: held
  //   Ops        nobody reviewed it: no verdict
  //   Risk       3, but nothing was expected: no verdict
  const expectations = [
    { criterionId: "speed", name: "Speed", expected: 4.5 },
    { criterionId: "cost", name: "Cost", expected: 3 },
    { criterionId: "docs", name: "Docs", expected: 2.5 },
    { criterionId: "hiring", name: "Hiring", expected: 3.25 },
    { criterionId: "onboarding", name: "Onboarding", expected: 3.26 },
    { criterionId: "ops", name: "Ops", expected: 4 },
    { criterionId: "risk", name: "Risk", expected: null },
  ];
  const reviews: ReviewScores[] = [
    { scores: { speed: 3, cost: 4, docs: 3, hiring: 4, onboarding: 4, risk: 3 } },
    { scores: { speed: 4, cost: 4, docs: 2, hiring: 4, onboarding: 4 } },
  ];

  test("per criterion, in the decision's order: the mean reviewed score beside the expected one, and the verdict", () => {
    const rows = compareReview(expectations, reviews).map((r) => [r.name, r.expected, r.reviewed, r.reviewers, r.difference, r.verdict]);
    expect(rows).toEqual([
      ["Speed", 4.5, 3.5, 2, -1, "too_optimistic"],
      ["Cost", 3, 4, 2, 1, "too_pessimistic"],
      ["Docs", 2.5, 2.5, 2, 0, "held"],
      ["Hiring", 3.25, 4, 2, 0.75, "too_pessimistic"],
      ["Onboarding", 3.26, 4, 2, expect.closeTo(0.74, 10), "held"],
      ["Ops", 4, null, 0, null, null],
      ["Risk", null, 3, 1, null, null],
    ]);
  });

  test("the threshold is the same both ways", () => {
    expect(reviewVerdict(4, 3.25)).toBe("too_optimistic");
    expect(reviewVerdict(4, 3.26)).toBe("held");
    expect(reviewVerdict(2.2, 2.95)).toBe("too_pessimistic");
    expect(reviewVerdict(null, 3)).toBeNull();
  });

  test("no reviews yet: every criterion waits", () => {
    expect(compareReview(expectations.slice(0, 1), []).map((r) => [r.reviewed, r.verdict])).toEqual([[null, null]]);
  });
});
