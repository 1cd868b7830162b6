import { Link } from "@/app/_components/link";
import { Time } from "@/app/_components/time";
import { BackLink, buttonClass, Card, CardTitle, PageHeader } from "@/app/_components/ui";
import type { Decision } from "@/db/schema";
import { isSealed, type PhaseClock, resultsArrival } from "@/lib/domain/phases";
import type { FollowPageData } from "@/lib/services/pages/follow-page";
import { DeadlineList, openDeadlines } from "./deadline-list";

// What someone who cannot vote reads where a voter finds their sheet: what the team is weighting
// or scoring, how far it has got, and when the results appear. No form, nothing to fill in.

type Sheet = "weights" | "scores";

const muted = "text-sm text-slate-600 dark:text-slate-400";

/** When the results of `decision` appear, in one or two sentences; says which rule applies to it. */
export function ResultsArrivalText({ decision, resultsHref }: { decision: PhaseClock; resultsHref: string }) {
  const arrival = resultsArrival(decision);
  if (arrival.kind === "never") return <>This decision was withdrawn, so it has no results.</>;
  if (arrival.kind === "out") {
    return (
      <>
        The results are out: everyone’s weights and scores are visible to the team.{" "}
        <Link href={resultsHref} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
          See the results
        </Link>
      </>
    );
  }
  if (arrival.revealBy) {
    return (
      <>
        The results appear when the facilitator reveals them, or at the latest when scoring closes, <Time date={arrival.revealBy} />.
      </>
    );
  }
  if (decision.status === "draft") return <>The results appear after weighting and scoring, when the facilitator reveals them.</>;
  if (decision.status === "weighting") return <>The results appear after scoring, when the facilitator reveals them.</>;
  return <>The results appear when the facilitator reveals them; no scoring deadline is set, so there is no date yet.</>;
}

function phaseNow(status: Decision["status"], sheet: Sheet): string {
  if (status === "draft") return "The facilitator is still preparing the options and criteria.";
  if (status === "weighting") return sheet === "weights" ? "Weighting is open." : "Weighting is open; scoring comes next.";
  if (status === "scoring") return sheet === "weights" ? "Weighting is over; scoring is open." : "Scoring is open.";
  if (status === "withdrawn") return "The decision was withdrawn.";
  return "Weighting and scoring are over.";
}

/** The read-only page a viewer gets at /weights or /scores. */
export function FollowAlong({ decision, base, sheet, data, now }: { decision: Decision; base: string; sheet: Sheet; data: FollowPageData; now: Date }) {
  const round = decision.currentRound;
  const what = sheet === "weights" ? "weighting" : "scoring";
  const deadlines = openDeadlines(decision);
  return (
    <>
      <BackLink href={base}>{decision.title}</BackLink>
      <PageHeader
        title={sheet === "scores" && round > 1 ? `Follow the scoring: round ${round}` : `Follow the ${what}`}
        description={`As a viewer you follow this decision without voting.${
          isSealed(decision.status)
            ? ` The team’s members ${sheet === "weights" ? "weight each criterion" : "score every option on every criterion"}; each person’s ${sheet} stay sealed until the reveal, so nobody anchors on anyone else.`
            : ""
        }`}
      />
      <div className="grid gap-6 md:grid-cols-2">
        <Card aria-labelledby="follow-progress-heading">
          <CardTitle id="follow-progress-heading">Progress</CardTitle>
          <p className="mb-2 text-sm">{phaseNow(decision.status, sheet)}</p>
          <p className="text-sm">
            <strong>{data.progress.weighted}</strong> of {data.progress.eligible} have submitted weights
          </p>
          <p className="text-sm">
            <strong>{data.progress.scored}</strong> of {data.progress.eligible} have submitted scores{round > 1 ? ` in round ${round}` : ""}
          </p>
          {deadlines.length > 0 ? (
            <DeadlineList deadlines={deadlines} now={now} className={`mt-3 ${muted}`} />
          ) : (
            <p className={`mt-3 ${muted}`}>
              {isSealed(decision.status) ? "No deadline is set: the facilitator closes each phase." : "No phase is open any more."}
            </p>
          )}
        </Card>
        <Card aria-labelledby="follow-results-heading">
          <CardTitle id="follow-results-heading">When the results appear</CardTitle>
          <p className="text-sm">
            <ResultsArrivalText decision={decision} resultsHref={`${base}/results`} />
          </p>
          <p className={`mt-2 ${muted}`}>{data.facilitatorName} facilitates this decision.</p>
        </Card>
      </div>
      <Card aria-labelledby="follow-what-heading" className="mt-6">
        <CardTitle id="follow-what-heading">{sheet === "weights" ? "What is being weighted" : "What is being scored"}</CardTitle>
        <div className="grid gap-6 md:grid-cols-2">
          {sheet === "scores" ? <NamedList title="Options" items={data.options} /> : null}
          <NamedList title={sheet === "scores" ? "On these criteria" : "Criteria"} items={data.criteria} />
        </div>
      </Card>
      <p className="mt-6">
        <Link href={base} className={buttonClass("secondary")}>
          Back to the decision
        </Link>
      </p>
    </>
  );
}

function NamedList({ title, items }: { title: string; items: readonly { id: string; name: string; description: string }[] }) {
  return (
    <div className="min-w-0">
      <h3 className="mb-2 text-sm font-semibold">{title}</h3>
      <ul className="space-y-2 text-sm">
        {items.map((item) => (
          <li key={item.id} className="break-words">
            <span className="font-medium">{item.name}</span>
            {item.description ? <span className="block text-slate-600 dark:text-slate-400">{item.description}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
