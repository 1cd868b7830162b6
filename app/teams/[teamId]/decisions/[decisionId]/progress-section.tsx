import { Time } from "@/app/_components/time";
import { Card, CardTitle } from "@/app/_components/ui";
import type { progress } from "@/db/queries/ballots";
import type { Decision } from "@/db/schema";
import { isSealed } from "@/lib/domain/phases";

type Progress = Awaited<ReturnType<typeof progress>>;

/** Who has weighted and scored so far, and when each phase closes. */
export function ProgressSection({ decision, votes }: { decision: Decision; votes: Progress }) {
  return (
    <Card aria-labelledby="progress-heading">
      <CardTitle id="progress-heading">Progress</CardTitle>
      <p className="text-sm">
        <strong>{votes.weighted}</strong> of {votes.eligible} have submitted weights
      </p>
      <p className="text-sm">
        <strong>{votes.scored}</strong> of {votes.eligible} have submitted scores{decision.currentRound > 1 ? ` in round ${decision.currentRound}` : ""}
      </p>
      <ul className="mt-3 space-y-1 text-sm">
        {votes.voters.map((v) => (
          <li key={v.userId} className="flex justify-between gap-2">
            <span>{v.name}</span>
            <span className="text-slate-500 dark:text-slate-400">{v.scored ? "scored" : v.weighted ? "weighted" : "not yet"}</span>
          </li>
        ))}
      </ul>
      {isSealed(decision.status) ? <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">Weights and scores stay sealed until the reveal.</p> : null}
      {decision.weightingDeadline || decision.scoringDeadline ? (
        <dl className="mt-3 space-y-1 text-xs text-slate-600 dark:text-slate-400">
          {decision.weightingDeadline ? (
            <div>
              <dt className="inline">Weighting closes </dt>
              <dd className="inline">
                <Time date={decision.weightingDeadline} />
              </dd>
            </div>
          ) : null}
          {decision.scoringDeadline ? (
            <div>
              <dt className="inline">Scoring closes </dt>
              <dd className="inline">
                <Time date={decision.scoringDeadline} />
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </Card>
  );
}
