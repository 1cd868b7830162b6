import { Time } from "@/app/_components/time";
import type { Decision } from "@/db/schema";
import { isSealed } from "@/lib/domain/phases";

type Phase = "Weighting" | "Scoring";

/**
 * The deadlines of the phases still to close, each with its phase's name: a weighting deadline
 * means nothing once scoring is open, nor a scoring deadline after the reveal.
 */
export function openDeadlines(decision: Pick<Decision, "status" | "weightingDeadline" | "scoringDeadline">) {
  const stillOpen: Record<Phase, boolean> = {
    Weighting: decision.status === "draft" || decision.status === "weighting",
    Scoring: isSealed(decision.status),
  };
  return (
    [
      ["Weighting", decision.weightingDeadline],
      ["Scoring", decision.scoringDeadline],
    ] as const
  ).filter((entry): entry is readonly [Phase, Date] => entry[1] !== null && stillOpen[entry[0]]);
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
