import { describe, expect, test } from "vitest";
import { reviewVerdict } from "@/lib/domain/review";
import { buildDecisionJson } from "@/lib/exports/build";
import { formatMadr } from "@/lib/exports/madr";
import { ALL_NAMES, CRITERIA, OPTIONS, PEOPLE, source } from "./fixtures";

describe("reviews in the exports", () => {
  const doc = buildDecisionJson(source({ status: "decided" }));
  const review = doc.outcome!.review;
  const [speed, fit] = CRITERIA;

  test("JSON: the date, each review with its scores in criterion order, and expectation against outcome from the snapshot", () => {
    expect(review.dueAt).toBe("2025-09-02T10:00:00.000Z");
    expect(review.threshold).toBe(0.75);
    expect(review.reviews).toEqual([
      {
        by: PEOPLE.ana.name,
        at: "2025-09-03T08:00:00.000Z",
        learned: "Fast enough, but the team needed training.",
        scores: [
          { criterionId: speed!.id, score: 2 },
          { criterionId: fit!.id, score: 5 },
        ],
      },
      { by: PEOPLE.ben.name, at: "2025-09-04T08:00:00.000Z", learned: "# Not a heading", scores: [{ criterionId: speed!.id, score: 3 }] },
    ]);
    // The expectation is the chosen option's mean on each criterion in the frozen tally.
    const chosen = doc.tally!.options.find((o) => o.optionId === OPTIONS[0]!.id)!;
    expect(review.comparison).toEqual([
      {
        criterionId: speed!.id,
        name: "Speed",
        expected: chosen.perCriterion[speed!.id]!.mean,
        reviewed: 2.5,
        verdict: reviewVerdict(chosen.perCriterion[speed!.id]!.mean, 2.5),
      },
      {
        criterionId: fit!.id,
        name: "Team fit",
        expected: chosen.perCriterion[fit!.id]!.mean,
        reviewed: 5,
        verdict: reviewVerdict(chosen.perCriterion[fit!.id]!.mean, 5),
      },
    ]);
  });

  test("anonymous: reviewers are numbered, never named", () => {
    const anonymous = buildDecisionJson(source({ status: "decided", anonymous: true }));
    expect(anonymous.outcome!.review.reviews.map((r) => r.by)).toEqual(["Reviewer 1", "Reviewer 2"]);
    const text = JSON.stringify(anonymous.outcome!.review) + formatMadr(anonymous);
    for (const name of ALL_NAMES) expect(text).not.toContain(name);
  });

  test("MADR: a Review part with the comparison table and what each reviewer learned, typed text kept as text", () => {
    const madr = formatMadr(doc);
    expect(madr).toContain("### Review");
    expect(madr).toContain("The review is due on 2025-09-02. 2 reviews so far.");
    expect(madr).toMatch(/\| Speed +\| [\d.]+ +\| 2\.5 +\| /);
    expect(madr).toContain(`What ${PEOPLE.ana.name} learned (2025-09-03):`);
    expect(madr).toContain("Fast enough, but the team needed training.");
    expect(madr).not.toMatch(/^# Not a heading$/m);
  });
});
