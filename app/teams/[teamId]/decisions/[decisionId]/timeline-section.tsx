import { Link } from "@/app/_components/link";
import { Time } from "@/app/_components/time";
import { Card, CardTitle } from "@/app/_components/ui";
import { describeEvent } from "@/lib/domain/describe-event";
import type { DecisionPageData } from "@/lib/services/pages/decision-page";

const linkClass = "font-medium text-brand-600 hover:underline dark:text-brand-100";

/**
 * What happened to the decision, oldest first: the latest page of it, with plain links to the
 * events before (and back to the latest), so a long history is read a page at a time.
 */
export function TimelineSection({ timeline, href }: { timeline: DecisionPageData["timeline"]; href: (before?: number) => string }) {
  return (
    <Card aria-labelledby="timeline-heading">
      <CardTitle id="timeline-heading">Timeline</CardTitle>
      {timeline.earlierBefore !== undefined ? (
        <p className="mb-3 text-sm">
          <Link href={href(timeline.earlierBefore)} className={linkClass}>
            Show earlier events
          </Link>
        </p>
      ) : null}
      <ol className="relative space-y-3 border-l border-slate-200 pl-4 text-sm dark:border-slate-800">
        {timeline.events.map((event) => (
          <li key={event.id}>
            <span className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border-2 border-white bg-brand-500 dark:border-slate-900" aria-hidden="true" />
            <p>{describeEvent(event.type, event.payload, event.actorName)}</p>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              <Time date={event.createdAt} />
            </p>
          </li>
        ))}
      </ol>
      {timeline.latest ? null : (
        <p className="mt-3 text-sm">
          <Link href={href()} className={linkClass}>
            Show the latest events
          </Link>
        </p>
      )}
    </Card>
  );
}
