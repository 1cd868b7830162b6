import { Link } from "@/app/_components/link";
import { BackLink, Card, PageHeader } from "@/app/_components/ui";
import { loadStructure } from "@/db/queries/decisions";
import { calendarDayIn, defaultReviewDue } from "@/lib/domain/review";
import { tallyOf } from "@/lib/domain/tally-of";
import { revealedBallots } from "@/lib/services/ballots";
import { viewerTimeZone } from "@/lib/viewer-zone";
import { loadDecisionPage } from "../load";
import { DecideForm } from "./decide-form";
import { decisionPageMetadata } from "@/lib/entry/pages";

export const generateMetadata = ({ params }: { params: Promise<{ teamId: string; decisionId: string }> }) =>
  decisionPageMetadata(params, "Record the decision", "decision.run");

export default async function DecidePage({ params }: { params: Promise<{ teamId: string; decisionId: string }> }) {
  const { view, db, decision, teamId, base } = await loadDecisionPage(params, "/decide", "decision.run");
  const back = <BackLink href={base}>{decision.title}</BackLink>;
  if (decision.status !== "revealed") {
    // Where the facilitator goes from here: the record itself, or the step that reveals the results.
    const notYet =
      decision.status === "decided"
        ? { href: `${base}#record-heading`, label: "See the decision record" }
        : decision.status === "withdrawn"
          ? null
          : { href: `${base}#facilitate-heading`, label: "Go to the decision’s Facilitate section" };
    return (
      <>
        {back}
        <PageHeader title="Record the decision" />
        <Card>
          <p role="status">
            {decision.status === "decided"
              ? "This decision is already recorded."
              : decision.status === "withdrawn"
                ? "This decision was withdrawn, so it has no outcome to record."
                : "The outcome can be recorded once the results are revealed."}
          </p>
          {notYet ? (
            <p className="mt-3 text-sm">
              <Link href={notYet.href} className="font-medium text-brand-600 underline dark:text-brand-100">
                {notYet.label}
              </Link>
            </p>
          ) : null}
        </Card>
      </>
    );
  }
  const [structure, inputs, { zone }] = await Promise.all([loadStructure(db, decision.id), revealedBallots(view), viewerTimeZone()]);
  const tally = tallyOf(structure, inputs);
  const choices = tally.options.map((o) => ({ id: o.optionId, name: o.name, score: o.score, rank: o.rank }));
  return (
    <>
      {back}
      <PageHeader
        title="Record the decision"
        description="Write the outcome as an architecture decision record: the context, the decision, and its consequences, good and bad."
      />
      <Card>
        <DecideForm
          teamId={teamId}
          decisionId={decision.id}
          choices={choices}
          topIds={tally.winners}
          context={decision.context}
          reviewOn={calendarDayIn(defaultReviewDue(view.now), zone)}
        />
      </Card>
    </>
  );
}
