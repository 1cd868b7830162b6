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
      <ol className="timeline">
        {timeline.events.map((event) => (
          <li key={event.id}>
            <p>{describeEvent(event.type, event.payload, event.actorName)}</p>
            <p>
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
