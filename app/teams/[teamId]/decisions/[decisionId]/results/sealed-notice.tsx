import type { ReactNode } from "react";
import { Link } from "@/app/_components/link";
import { Time } from "@/app/_components/time";
import { buttonClass, Card, PageHeader } from "@/app/_components/ui";
import type { Decision } from "@/db/schema";
import { canOnDecision } from "@/lib/auth/roles";
import type { DecisionView } from "@/lib/services/access";
import { type ProgressCounts, progressCounts } from "@/lib/services/pages/progress-counts";

type Viewer = { canVote: boolean; facilitates: boolean };
type Sealed = { decision: Decision; base: string; standing: ProgressCounts; viewer: Viewer };

/** What SealedNotice shows of a sealed decision, for the person viewing it. */
export async function sealedNoticeOf(view: DecisionView, base: string): Promise<Sealed> {
  const viewer = { canVote: canOnDecision(view.actor.role, view.facilitates, "decision.vote"), facilitates: view.facilitates };
  return { decision: view.decision, base, standing: await progressCounts(view), viewer };
}

/** What the results page and its charts say before the reveal, or when the decision was withdrawn first. */
export function SealedNotice({
  back,
  title,
  sealed,
}: {
  back: ReactNode;
  title: string;
  /** Null for a decision withdrawn before its reveal. */
  sealed: Sealed | null;
}) {
  return (
    <>
      {back}
      <PageHeader title={title} />
      <Card>
        <p role="status">
          {sealed
            ? "The results are sealed until the facilitator reveals them, so nobody anchors on anyone else’s weights or scores."
            : "This decision was withdrawn before its results were revealed."}
        </p>
        {sealed ? <WhereThingsStand {...sealed} /> : null}
      </Card>
    </>
  );
}

/** How far the team has got, the viewer's own part if it is still to do, and what happens next. */
function WhereThingsStand({ decision, base, standing, viewer }: Sealed) {
  const { eligible, weighted, scored, me } = standing;
  const yourPart =
    viewer.canVote && decision.status === "weighting" && !me.weighted
      ? { href: `${base}/weights`, label: "Weight the criteria" }
      : viewer.canVote && decision.status === "scoring" && !me.scored
        ? { href: `${base}/scores`, label: "Score the options" }
        : null;
  return (
    <div className="mt-4 space-y-3 text-sm text-slate-600 dark:text-slate-400">
      <p>
        {decision.status === "draft" ? (
          "The decision is still a draft: weighting has not opened yet."
        ) : decision.status === "weighting" ? (
          <>
            Weighting is open: {weighted} of {eligible} have submitted weights.
            {decision.weightingDeadline ? (
              <>
                {" "}
                It closes <Time date={decision.weightingDeadline} />.
              </>
            ) : null}
          </>
        ) : (
          <>
            Scoring is open: {scored} of {eligible} have submitted scores.
            {decision.scoringDeadline ? (
              <>
                {" "}
                It closes <Time date={decision.scoringDeadline} />, and the results are revealed then.
              </>
            ) : null}
          </>
        )}
      </p>
      {viewer.facilitates && decision.status === "scoring" ? (
        <p>
          You can reveal them when the team is ready:{" "}
          <Link href={`${base}#facilitate-heading`} className="font-medium text-brand-600 underline dark:text-brand-100">
            close scoring on the decision page
          </Link>
          .
        </p>
      ) : (
        <p>When they are revealed, this page shows them and the team is notified.</p>
      )}
      {yourPart ? (
        <p>
          <Link href={yourPart.href} className={buttonClass("primary")}>
            {yourPart.label}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
