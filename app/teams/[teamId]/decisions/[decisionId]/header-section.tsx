import { Link } from "@/app/_components/link";
import { PhaseBadge } from "@/app/_components/phase-badge";
import { Time } from "@/app/_components/time";
import { Badge, buttonClass, PageHeader, SuccessNotice } from "@/app/_components/ui";
import type { Decision } from "@/db/schema";
import { DECISION_STATUSES, isEditable } from "@/lib/domain/phases";

const STEPS = DECISION_STATUSES.filter((s) => s !== "withdrawn");

/** Title, badges, the draft's edit link, the "recorded" notice and where the decision is in its phases. */
export function HeaderSection({
  decision,
  teamId,
  base,
  facilitator,
  superseded,
  facilitates,
  justDecided,
}: {
  decision: Decision;
  teamId: string;
  base: string;
  facilitator: string;
  superseded: boolean;
  facilitates: boolean;
  justDecided: boolean;
}) {
  const stepIndex = STEPS.indexOf(decision.status as (typeof STEPS)[number]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/teams/${teamId}/decisions`} className="text-brand-600 hover:underline dark:text-brand-100">
          ← All decisions
        </Link>
      </p>
      <PageHeader
        title={decision.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <PhaseBadge status={decision.status} />
            {decision.anonymous ? <Badge>Anonymous</Badge> : null}
            {decision.currentRound > 1 ? <Badge tone="brand">Round {decision.currentRound}</Badge> : null}
            {superseded ? <Badge tone="warn">Superseded</Badge> : null}
            {decision.deprecatedAt ? <Badge tone="warn">Deprecated</Badge> : null}
            <span>
              Facilitated by {facilitator} · created <Time date={decision.createdAt} withTime={false} />
            </span>
          </span>
        }
        actions={
          isEditable(decision.status) && facilitates ? (
            <Link href={`${base}/edit`} className={buttonClass("secondary")}>
              Edit draft
            </Link>
          ) : null
        }
      />
      {justDecided ? <SuccessNotice className="mb-6">The decision is recorded. Its tally and inputs are frozen as they are now.</SuccessNotice> : null}

      {decision.status !== "withdrawn" ? (
        <nav aria-label="Phases" className="mb-8">
          <ol className="flex flex-wrap gap-2 text-sm">
            {STEPS.map((step, i) => (
              <li
                key={step}
                aria-current={i === stepIndex ? "step" : undefined}
                className={
                  i === stepIndex
                    ? "rounded-full bg-brand-600 px-3 py-1 font-medium text-white"
                    : i < stepIndex
                      ? "rounded-full bg-brand-100 px-3 py-1 text-brand-700 dark:bg-brand-700/30 dark:text-brand-100"
                      : "rounded-full border border-slate-300 px-3 py-1 text-slate-500 dark:border-slate-700 dark:text-slate-400"
                }
              >
                {i + 1}. {step[0]!.toUpperCase() + step.slice(1)}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
    </>
  );
}
