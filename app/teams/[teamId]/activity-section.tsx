import { Time } from "@/app/_components/time";
import { Card, CardTitle } from "@/app/_components/ui";
import type { listTeamEvents } from "@/db/queries/events";
import { describeEvent } from "@/lib/domain/describe-event";
import { LeaveTeamForm } from "./member-forms";

type TeamEvent = Awaited<ReturnType<typeof listTeamEvents>>[number];

/** What happened in the team lately, beside the way out of it. */
export function ActivitySection({ teamId, teamName, activity }: { teamId: string; teamName: string; activity: TeamEvent[] }) {
  return (
    <div className="grid gap-6 md:grid-cols-[1fr_18rem]">
      <Card aria-labelledby="activity-heading">
        <CardTitle id="activity-heading">Recent activity</CardTitle>
        <ol className="space-y-2 text-sm">
          {activity.map((event) => (
            <li key={event.id} className="flex flex-wrap justify-between gap-x-4">
              <span>{describeEvent(event.type, event.payload, event.actorName)}</span>
              <span className="text-slate-500 dark:text-slate-400">
                <Time date={event.createdAt} />
              </span>
            </li>
          ))}
        </ol>
      </Card>
      <Card aria-labelledby="leave-heading">
        <CardTitle id="leave-heading">Leave this team</CardTitle>
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">You lose access to its decisions at once.</p>
        <LeaveTeamForm teamId={teamId} teamName={teamName} />
      </Card>
    </div>
  );
}
