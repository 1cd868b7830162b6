import { Time } from "@/app/_components/time";
import { Table } from "@/app/_components/table";
import { Badge } from "@/app/_components/ui";
import { REVIEW_MISS_THRESHOLD, REVIEW_VERDICT_LABELS, type ReviewVerdict } from "@/lib/domain/review";
import type { ReviewSummary } from "@/lib/services/reviews";
import { Paragraphs } from "./paragraphs";

const TONE: Record<ReviewVerdict, "good" | "warn" | "brand"> = { held: "good", too_optimistic: "warn", too_pessimistic: "brand" };
const oneDecimal = (n: number | null) => (n === null ? "—" : n.toFixed(1));
const signed = (n: number | null) => (n === null ? "—" : `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(n).toFixed(1)}`);

/** Per criterion, what the deciding round expected of the chosen option beside how the reviewers say it did. */
export function ReviewComparison({ summary, chosen, headingId }: { summary: ReviewSummary; chosen: string; headingId: string }) {
  return (
    <>
      <Table
        labelledBy={headingId}
        scrollRegionLabel="Expected and reviewed, per criterion"
        columns={[
          { label: "Criterion" },
          { label: "Verdict" },
          { label: "Expected", className: "text-right" },
          { label: "Reviewed", className: "text-right" },
          { label: "Difference", className: "text-right" },
        ]}
      >
        {summary.comparison.map((c) => (
          <tr key={c.criterionId}>
            <th scope="row" className="py-2 pr-4 font-medium">
              {c.name}
            </th>
            {/* The verdict comes first, so that a phone shows it without scrolling the table. */}
            <td className="py-2 pr-4">{c.verdict ? <Badge tone={TONE[c.verdict]}>{REVIEW_VERDICT_LABELS[c.verdict]}</Badge> : "Not enough to say"}</td>
            <td className="py-2 pr-4 text-right tabular-nums">{oneDecimal(c.expected)}</td>
            <td className="py-2 pr-4 text-right tabular-nums">
              {oneDecimal(c.reviewed)}
              {c.reviewers > 0 ? <span className="sr-only"> from {c.reviewers} reviews</span> : null}
            </td>
            <td className="py-2 text-right tabular-nums">{signed(c.difference)}</td>
          </tr>
        ))}
      </Table>
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
        Expected: {chosen}’s mean score on the criterion in the deciding round. Reviewed: the mean of the reviews, 1 to 5. A difference of{" "}
        {REVIEW_MISS_THRESHOLD} or more either way means the team was too optimistic (it did worse) or too pessimistic (it did better); less means the
        expectation held.
      </p>
    </>
  );
}

/** What each reviewer learned, oldest review first. */
export function ReviewLessons({ reviews, anonymous }: { reviews: ReviewSummary["reviews"]; anonymous: boolean }) {
  const withText = reviews.filter((r) => r.learned.trim() !== "");
  if (withText.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No reviewer has written down a lesson yet.</p>;
  return (
    <ul className="space-y-4">
      {withText.map((r, i) => (
        <li key={r.userId} className="border-l-4 border-brand-500 pl-3">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {anonymous ? `Reviewer ${i + 1}` : r.name}, <Time date={r.updatedAt} withTime={false} />
          </p>
          <Paragraphs text={r.learned} />
        </li>
      ))}
    </ul>
  );
}
