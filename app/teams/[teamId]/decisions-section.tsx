import { Link } from "@/app/_components/link";
import { PhaseBadge } from "@/app/_components/phase-badge";
import { buttonClass, Card } from "@/app/_components/ui";
import type { DecisionLogRow } from "@/lib/services/pages/decision-log";

/** The team's latest decisions, with a way to start one and to the whole log. */
export function DecisionsSection({
  teamId,
  teamName,
  recentDecisions,
  mayCreate,
}: {
  teamId: string;
  teamName: string;
  recentDecisions: DecisionLogRow[];
  mayCreate: boolean;
}) {
  return (
    <Card aria-labelledby="decisions-heading">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 id="decisions-heading" className="text-lg font-semibold">
          Decisions
        </h2>
        {mayCreate ? (
          <Link href={`/teams/${teamId}/decisions/new`} className={buttonClass("primary", "py-1.5")}>
            New decision
          </Link>
        ) : null}
      </div>
      {recentDecisions.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">No decisions yet. Decisions this team takes will be listed here, with their status and outcome.</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {recentDecisions.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3">
              <div className="min-w-0">
                <Link href={`/teams/${teamId}/decisions/${d.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
                  {d.title}
                </Link>
                {d.effectiveStatus === "decided" && d.chosenOptionName ? (
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    Chose <span className="font-medium text-slate-800 dark:text-slate-200">{d.chosenOptionName}</span>
                  </p>
                ) : null}
              </div>
              <PhaseBadge status={d.effectiveStatus} />
            </li>
          ))}
        </ul>
      )}
      <p className="mt-4 text-sm">
        <Link href={`/teams/${teamId}/decisions`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
          All decisions<span className="sr-only"> of {teamName}</span>
        </Link>
      </p>
    </Card>
  );
}
