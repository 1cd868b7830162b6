import { Pager } from "@/app/_components/pager";
import { Card, CardTitle } from "@/app/_components/ui";
import type { Decision } from "@/db/schema";
import { isSealed } from "@/lib/domain/phases";
import type { DecisionPageData } from "@/lib/services/pages/decision-page";
import { DeadlineList, openDeadlines } from "./deadline-list";

/** How many have weighted and scored so far, who (a page of voters at a time), and when each phase closes. */
export function ProgressSection({
  decision,
  progress,
  href,
  now,
}: {
  decision: Decision;
  progress: DecisionPageData["progress"];
  href: (page: number) => string;
  /** The moment the page was read at, against which deadlines are past or to come. */
  now: Date;
}) {
  const deadlines = openDeadlines(decision);
  return (
    <Card aria-labelledby="progress-heading">
      <CardTitle id="progress-heading">Progress</CardTitle>
      <p className="text-sm">
        <strong>{progress.weighted}</strong> of {progress.eligible} have submitted weights
      </p>
      <p className="text-sm">
        <strong>{progress.scored}</strong> of {progress.eligible} have submitted scores{decision.currentRound > 1 ? ` in round ${decision.currentRound}` : ""}
      </p>
      <ul className="voter-list">
        {progress.voters.map((v) => (
          <li key={v.userId}>
            <span>{v.name}</span>
            <span>{v.scored ? "scored" : v.weighted ? "weighted" : "not yet"}</span>
          </li>
        ))}
      </ul>
      <Pager what="voters" page={progress.page} pageCount={progress.pageCount} href={href} />
      {isSealed(decision.status) ? <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">Weights and scores stay sealed until the reveal.</p> : null}
      {deadlines.length > 0 ? <DeadlineList deadlines={deadlines} now={now} className="mt-3 text-xs text-slate-600 dark:text-slate-400" /> : null}
    </Card>
  );
}
