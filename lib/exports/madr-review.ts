import type { RootContent } from "mdast";
import { REVIEW_VERDICT_LABELS } from "../domain/review";
import type { DecisionJson } from "./decision-json";
import { heading, paragraph, paragraphs, table, text } from "./markdown";
import { fixed, isoDay, oneLine } from "./text";

type Review = NonNullable<DecisionJson["outcome"]>["review"];

const mean = (value: number | null) => (value === null ? "—" : fixed(value, 1));

/** The MADR's "Review" part: when it is due, or expectation against outcome per criterion and what each reviewer learned. */
export function reviewBlocks(review: Review): RootContent[] {
  const due = review.dueAt ? `The review is due on ${isoDay(review.dueAt)}.` : "No review date is set.";
  if (review.reviews.length === 0) return [heading(3, text("Review")), paragraph(text(`${due} Nobody has reviewed the decision yet.`))];
  const n = review.reviews.length;
  const blocks: RootContent[] = [
    heading(3, text("Review")),
    paragraph(
      text(
        `${due} ${n} ${n === 1 ? "review" : "reviews"} so far. Expected: the chosen option's mean score on the criterion in the deciding round; ` +
          `reviewed: the mean of the reviews, both from 1 to 5. A difference of ${review.threshold} or more either way is a miss.`,
      ),
    ),
    table(
      ["left", "right", "right", "left"],
      ["Criterion", "Expected", "Reviewed", "Verdict"],
      review.comparison.map((c) => [
        [text(oneLine(c.name))],
        [text(mean(c.expected))],
        [text(mean(c.reviewed))],
        [text(c.verdict ? REVIEW_VERDICT_LABELS[c.verdict] : "not enough to say")],
      ]),
    ),
  ];
  for (const r of review.reviews.filter((r) => r.learned.trim() !== "")) {
    blocks.push(paragraph(text(`What ${oneLine(r.by)} learned (${isoDay(r.at)}):`)), ...paragraphs(r.learned));
  }
  return blocks;
}
