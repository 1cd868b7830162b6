import { Link } from "@/app/_components/link";
import { Time } from "@/app/_components/time";
import { Badge, buttonClass, Card } from "@/app/_components/ui";
import type { Decision } from "@/db/schema";
import { calendarDayIn } from "@/lib/domain/review";
import type { ReviewSummary } from "@/lib/services/reviews";
import { viewerTimeZone } from "@/lib/viewer-zone";
import { ReviewComparison, ReviewLessons } from "./review-comparison";
import { ReviewDateForm } from "./review-date-form";

/**
 * A recorded decision looked back on: when the review is due, and once reviews are in, "Reviewed"
 * with the expectation beside the outcome. A reviewer who has not given their own review yet sees
 * only how many are in, so that nobody anchors on the others.
 */
export async function ReviewSection({
  decision,
  teamId,
  base,
  summary,
  now,
  mayChangeDate,
}: {
  decision: Decision;
  teamId: string;
  base: string;
  summary: ReviewSummary;
  now: Date;
  mayChangeDate: boolean;
}) {
  const due = decision.reviewDueAt;
  const open = due !== null && due.getTime() <= now.getTime();
  const count = summary.reviews.length;
  const showResults = count > 0 && (!summary.mayReview || summary.own !== null);
  const chosen = summary.chosenOptionName ?? "the chosen option";
  const { zone } = await viewerTimeZone();
  return (
    <Card aria-labelledby="review-heading">
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h2 id="review-heading" className="text-lg font-semibold">
          Review
        </h2>
        {count > 0 ? <Badge tone="good">Reviewed</Badge> : null}
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {due === null ? (
          "No review date is set."
        ) : open ? (
          <>
            The review has been open since <Time date={due} withTime={false} />.{" "}
            {count === 0 ? "Nobody has reviewed it yet." : `${count} ${count === 1 ? "review is" : "reviews are"} in.`}
          </>
        ) : (
          <>
            The team looks back on this choice on <Time date={due} withTime={false} />.
          </>
        )}
      </p>
      {open && summary.mayReview ? (
        <Link href={`${base}/review`} className={buttonClass(summary.own ? "secondary" : "primary", "mt-4 inline-block py-1.5")}>
          {summary.own ? "Update your review" : "Review this decision"}
        </Link>
      ) : open && count > 0 ? (
        <Link href={`${base}/review`} className="mt-4 inline-block font-medium text-brand-600 hover:underline dark:text-brand-100">
          Read the reviews
        </Link>
      ) : null}
      {showResults ? (
        <div className="mt-6">
          <h3 id="review-results-heading" className="mb-2 text-sm font-semibold">
            Expected and reviewed: {chosen}
          </h3>
          <ReviewComparison summary={summary} chosen={chosen} headingId="review-results-heading" />
          <h3 className="mt-6 mb-2 text-sm font-semibold">What we learned</h3>
          <ReviewLessons reviews={summary.reviews} anonymous={decision.anonymous} />
        </div>
      ) : count > 0 && summary.mayReview ? (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
          The reviews appear here once you have given yours, so that nobody anchors on the others.
        </p>
      ) : null}
      {mayChangeDate ? <ReviewDateForm teamId={teamId} decisionId={decision.id} reviewOn={due ? calendarDayIn(due, zone) : calendarDayIn(now, zone)} /> : null}
    </Card>
  );
}
