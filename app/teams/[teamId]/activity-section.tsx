import { Time } from "@/app/_components/time";
import { Card, CardTitle } from "@/app/_components/ui";
import type { listTeamEvents } from "@/db/queries/events";
import type { HistoryCheck } from "@/db/queries/history";
import { describeEvent } from "@/lib/domain/describe-event";
import { CHAIN_BREAK_WORDS, type ChainBreakReason } from "@/lib/domain/history-chain";
import { LeaveTeamForm } from "./member-forms";

type TeamEvent = Awaited<ReturnType<typeof listTeamEvents>>[number];

/** What happened in the team lately, beside the way out of it. */
export function ActivitySection({
  teamId,
  teamName,
  activity,
  historyCheck,
}: {
  teamId: string;
  teamName: string;
  activity: TeamEvent[];
  historyCheck: HistoryCheck | null;
}) {
  return (
    <div className="grid gap-6 md:grid-cols-[1fr_18rem]">
      <Card aria-labelledby="activity-heading">
        <CardTitle id="activity-heading">Recent activity</CardTitle>
        <ol className="activity-list">
          {activity.map((event) => (
            <li key={event.id}>
              <span>{describeEvent(event.type, event.payload, event.actorName)}</span>
              <span>
                <Time date={event.createdAt} />
              </span>
            </li>
          ))}
        </ol>
        <HistoryMark check={historyCheck} />
      </Card>
      <Card aria-labelledby="leave-heading">
        <CardTitle id="leave-heading">Leave this team</CardTitle>
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">You lose access to its decisions at once.</p>
        <LeaveTeamForm teamId={teamId} teamName={teamName} />
      </Card>
    </div>
  );
}

/** What the last check of the team's hash chain found (npm run history:verify does the same by hand). */
function HistoryMark({ check }: { check: HistoryCheck | null }) {
  const note = "mt-4 border-t border-slate-200 pt-3 text-sm dark:border-slate-800";
  if (!check)
    return (
      <p className={`${note} text-slate-600 dark:text-slate-400`}>
        The history&rsquo;s chain has not been checked yet; it is checked within a minute of each change.
      </p>
    );
  if (check.brokenReason) {
    return (
      <p role="alert" className={`${note} font-medium text-red-700 dark:text-red-400`}>
        History broken{check.brokenEventId !== null ? ` at event ${check.brokenEventId}` : ""}:{" "}
        {CHAIN_BREAK_WORDS[check.brokenReason as ChainBreakReason] ?? check.brokenReason}.{" "}
        {check.intactThrough ? (
          <>
            Intact up to <Time date={check.intactThrough} />.
          </>
        ) : null}{" "}
        An owner can run <code>npm run history:verify</code> for the details.
      </p>
    );
  }
  return (
    <p className={`${note} text-slate-600 dark:text-slate-400`}>
      <span aria-hidden="true">✓ </span>History intact up to {check.intactThrough ? <Time date={check.intactThrough} /> : "its start"}: {check.intactCount}{" "}
      {check.intactCount === 1 ? "event" : "events"} checked, each chained to the one before (at <Time date={check.checkedAt} />; changes are checked within a
      minute).
    </p>
  );
}
