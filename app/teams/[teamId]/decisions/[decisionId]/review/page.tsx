import { Link } from "@/app/_components/link";
import { Time } from "@/app/_components/time";
import { BackLink, Card, CardTitle, PageHeader, SuccessNotice } from "@/app/_components/ui";
import { reviewOpen, reviewSummary } from "@/lib/services/reviews";
import { loadDecisionPage } from "../load";
import { ReviewComparison, ReviewLessons } from "../review-comparison";
import { ReviewForm } from "./review-form";
import { decisionPageMetadata } from "@/lib/entry/pages";

export const generateMetadata = ({ params }: { params: Promise<{ teamId: string; decisionId: string }> }) =>
  decisionPageMetadata(params, "Review the decision");

export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string; decisionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { view, db, decision, teamId, base } = await loadDecisionPage(params, "/review");
  const flags = await searchParams;
  const back = <BackLink href={base}>{decision.title}</BackLink>;
  const header = <PageHeader title="Review the decision" description="Months on, how did the choice turn out? Each reviewer answers for themselves." />;
  if (!reviewOpen(decision, view.now)) {
    return (
      <>
        {back}
        {header}
        <Card>
          <p role="status">
            {decision.status !== "decided" ? (
              "Only a recorded decision is reviewed."
            ) : decision.reviewDueAt ? (
              <>
                The review opens on <Time date={decision.reviewDueAt} withTime={false} />.
              </>
            ) : (
              "This decision has no review date."
            )}
          </p>
        </Card>
      </>
    );
  }
  const summary = await reviewSummary(db, teamId, decision.id, view.actor.userId);
  const { mayReview: reviewer, own } = summary;
  const chosen = summary.chosenOptionName ?? "the chosen option";
  // Others' reviews stay hidden from a reviewer until they have given their own, so nobody anchors on them.
  const showResults = summary.reviews.length > 0 && (!reviewer || own !== null);
  return (
    <>
      {back}
      {header}
      <div className="space-y-6">
        {flags.saved === "1" && own ? <SuccessNotice>Your review is saved. You can change it here at any time.</SuccessNotice> : null}
        {reviewer ? (
          <Card aria-labelledby="your-review-heading">
            <CardTitle id="your-review-heading">{own ? "Your review" : "Your review of the choice"}</CardTitle>
            <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
              The team chose <strong>{chosen}</strong>. {own ? "" : "The other reviews appear once you have given yours, so that nobody anchors on them."}
            </p>
            <ReviewForm
              teamId={teamId}
              decisionId={decision.id}
              chosen={chosen}
              criteria={summary.criteria.map((c) => ({ id: c.criterionId, name: c.name, description: c.description }))}
              own={own ? { scores: own.scores, learned: own.learned } : null}
            />
          </Card>
        ) : (
          <Card>
            <p className="text-sm">The facilitator and those who scored in the deciding round review this decision; you can read their reviews here.</p>
          </Card>
        )}
        {showResults ? (
          <Card aria-labelledby="review-results-heading">
            <CardTitle id="review-results-heading">
              Expected and reviewed ({summary.reviews.length} {summary.reviews.length === 1 ? "review" : "reviews"})
            </CardTitle>
            <ReviewComparison summary={summary} chosen={chosen} headingId="review-results-heading" />
            <h3 className="mt-6 mb-2 text-sm font-semibold">What we learned</h3>
            <ReviewLessons reviews={summary.reviews} anonymous={decision.anonymous} />
          </Card>
        ) : summary.reviews.length === 0 && !reviewer ? (
          <Card>
            <p className="text-sm">No review yet.</p>
          </Card>
        ) : null}
        <Link href={base} className="inline-block font-medium text-brand-600 hover:underline dark:text-brand-100">
          Back to the decision
        </Link>
      </div>
    </>
  );
}
