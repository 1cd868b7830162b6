import { Time } from "@/app/_components/time";
import { Card, CardTitle } from "@/app/_components/ui";
import type { listDecisionEvents } from "@/db/queries/events";
import { describeEvent } from "@/lib/domain/describe-event";

type TimelineEvent = Awaited<ReturnType<typeof listDecisionEvents>>[number];

/** Everything that happened to the decision, oldest first. */
export function TimelineSection({ timeline }: { timeline: TimelineEvent[] }) {
  return (
    <Card aria-labelledby="timeline-heading">
      <CardTitle id="timeline-heading">Timeline</CardTitle>
      <ol className="relative space-y-3 border-l border-slate-200 pl-4 text-sm dark:border-slate-800">
        {timeline.map((event) => (
          <li key={event.id}>
            <span className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border-2 border-white bg-brand-500 dark:border-slate-900" aria-hidden="true" />
            <p>{describeEvent(event.type, event.payload, event.actorName)}</p>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              <Time date={event.createdAt} />
            </p>
          </li>
        ))}
      </ol>
    </Card>
  );
}
