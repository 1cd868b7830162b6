import { compareReview, REVIEW_MISS_THRESHOLD, type ReviewVerdict } from "../domain/review";
import type { DecisionSnapshot } from "../validation/decision-snapshot";

/** A decision's reviews as the loader read them, oldest first. */
export type SourceReview = { authorName: string; at: Date; learned: string; scores: Record<string, number> };

/**
 * The review part of an export: when it is due, each review (unsigned for an anonymous decision),
 * and per criterion the deciding round's expectation of the chosen option beside the reviewed mean.
 */
export function exportedReview(
  input: { reviewDueAt: Date | null; reviews: SourceReview[]; chosenOptionId: string },
  snapshot: DecisionSnapshot | null,
  criteria: { id: string; name: string }[],
  anonymous: boolean,
) {
  const chosen = snapshot?.tally.options.find((o) => o.optionId === input.chosenOptionId);
  const expectations = criteria.map((c) => ({ criterionId: c.id, name: c.name, expected: chosen?.perCriterion[c.id]?.mean ?? null }));
  const comparison = compareReview(expectations, input.reviews);
  return {
    dueAt: input.reviewDueAt?.toISOString() ?? null,
    threshold: REVIEW_MISS_THRESHOLD,
    reviews: input.reviews.map((r, i) => ({
      by: anonymous ? `Reviewer ${i + 1}` : r.authorName,
      at: r.at.toISOString(),
      learned: r.learned,
      scores: criteria.filter((c) => r.scores[c.id] !== undefined).map((c) => ({ criterionId: c.id, score: r.scores[c.id]! })),
    })),
    comparison: comparison.map((c) => ({
      criterionId: c.criterionId,
      name: c.name,
      expected: c.expected,
      reviewed: c.reviewed,
      verdict: c.verdict satisfies ReviewVerdict | null,
    })),
  };
}
