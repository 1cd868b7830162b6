import { Time } from "@/app/_components/time";
import type { Decision } from "@/db/schema";

type Phase = "Weighting" | "Scoring";

/** A decision's deadlines that are set, each with its phase's name; `only` keeps the phases asked for. */
export function setDeadlines(
  decision: Pick<Decision, "weightingDeadline" | "scoringDeadline">,
  only: Record<Phase, boolean> = { Weighting: true, Scoring: true },
) {
  return (
    [
      ["Weighting", decision.weightingDeadline],
      ["Scoring", decision.scoringDeadline],
    ] as const
  ).filter((entry): entry is readonly [Phase, Date] => entry[1] !== null && only[entry[0]]);
}

/** "Weighting closes …", "Scoring closed …": a passed deadline in the past tense, since the page already shows the phase it made. */
export function DeadlineList({ deadlines, now, className }: { deadlines: readonly (readonly [Phase, Date])[]; now: Date; className: string }) {
  return (
    <dl className={`space-y-1 ${className}`}>
      {deadlines.map(([phase, deadline]) => (
        <div key={phase}>
          <dt className="inline">
            {phase} {deadline <= now ? "closed" : "closes"}{" "}
          </dt>
          <dd className="inline">
            <Time date={deadline} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
