import { Link } from "@/app/_components/link";
import { Time } from "@/app/_components/time";
import type { Decision } from "@/db/schema";

/**
 * What a member does after saving a sheet: nothing more on this decision until the next phase,
 * said in plain words with when that comes, and where to go from here. Rendered on the server
 * and handed to the sheet, which shows it beside the Save button once a save succeeds.
 */
export function NextStep({
  part,
  decision,
  base,
}: {
  part: "weights" | "scores";
  decision: Pick<Decision, "weightingDeadline" | "scoringDeadline">;
  base: string;
}) {
  const deadline = part === "weights" ? decision.weightingDeadline : decision.scoringDeadline;
  return (
    <>
      <p className="mt-1">
        {part === "weights" ? (
          <>
            That is your part for now. Scoring opens when the facilitator moves the decision on
            {deadline ? (
              <>
                {" "}
                or when weighting closes (<Time date={deadline} />)
              </>
            ) : null}
            ; you will then score each option.
          </>
        ) : (
          <>
            That is your part done. Everyone’s scores stay sealed until the facilitator reveals the results
            {deadline ? (
              <>
                {" "}
                or scoring closes (<Time date={deadline} />)
              </>
            ) : null}
            .
          </>
        )}
      </p>
      <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        <Link href={base} className="font-medium underline">
          Back to the decision
        </Link>
        <Link href="/teams#awaiting-heading" className="font-medium underline">
          Your teams and other votes
        </Link>
      </p>
    </>
  );
}
