import { Link } from "@/app/_components/link";
import { buttonClass, Card, CardTitle } from "@/app/_components/ui";
import { acceptsScores, acceptsWeights, type PhaseClock } from "@/lib/domain/phases";
import { ResultsArrivalText } from "./follow-along";
import { WithdrawSheetForm } from "./undo-forms";

type Props = {
  teamId: string;
  decisionId: string;
  base: string;
  clock: PhaseClock;
  mayVote: boolean;
  weighted: boolean;
  scored: boolean;
  /** Going back to draft set the person's weights aside, and they have not weighted since. */
  weightsSetAside: boolean;
};

/** What the signed-in person can do now: wait, weight, score or read the results. */
export function YourPartSection(props: Props) {
  return (
    <Card aria-labelledby="part-heading">
      <CardTitle id="part-heading">Your part</CardTitle>
      <YourPart {...props} />
    </Card>
  );
}

/** Shown to a member whose weights went when the decision went back to draft, until they weight again. */
export function WeightsSetAsideNotice({ status }: { status: string }) {
  return (
    <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
      The facilitator took this decision back to draft to fix it, so the weights you gave were set aside.{" "}
      {status === "draft" ? "You will need to weight again when weighting reopens." : "Weighting is open again: please give your weights again."}
    </p>
  );
}

function YourPart({ teamId, decisionId, base, clock, mayVote, weighted, scored, weightsSetAside }: Props) {
  const status = clock.status;
  const link = (href: string, label: string, primary = true) => (
    <Link href={href} className={buttonClass(primary ? "primary" : "secondary", "w-full")}>
      {label}
    </Link>
  );
  const notice = weightsSetAside && mayVote && (status === "draft" || status === "weighting") ? <WeightsSetAsideNotice status={status} /> : null;
  if (status === "draft") {
    return (
      <div className="space-y-2">
        {notice}
        <p className="text-sm text-slate-600 dark:text-slate-400">The facilitator is still preparing the options and criteria.</p>
      </div>
    );
  }
  if (status === "revealed" || status === "decided") return link(`${base}/results`, "See the results");
  if (!mayVote) {
    // Nothing to fill in: what a viewer can follow, and when there is more to see.
    return (
      <div className="space-y-2 text-sm text-slate-600 dark:text-slate-400">
        <p>You follow this decision as a viewer: the members weight and score, and the progress below shows how far they have got.</p>
        <p>
          <ResultsArrivalText decision={clock} resultsHref={`${base}/results`} />
        </p>
      </div>
    );
  }
  if (acceptsWeights(status)) {
    return (
      <div className="space-y-2">
        {notice}
        <p className="text-sm">{weighted ? "You submitted your weights; you can still change them." : "How much does each criterion matter to you?"}</p>
        {link(`${base}/weights`, weighted ? "Change your weights" : "Weight the criteria")}
        {weighted ? <WithdrawSheetForm teamId={teamId} decisionId={decisionId} kind="weights" /> : null}
      </div>
    );
  }
  if (acceptsScores(status)) {
    return (
      <div className="space-y-2">
        <p className="text-sm">{scored ? "You submitted your scores; you can still change them." : "Score every option on every criterion."}</p>
        {link(`${base}/scores`, scored ? "Change your scores" : "Score the options")}
        {weighted ? link(`${base}/weights`, "See your weights", false) : null}
        {scored ? <WithdrawSheetForm teamId={teamId} decisionId={decisionId} kind="scores" /> : null}
      </div>
    );
  }
  return null;
}
