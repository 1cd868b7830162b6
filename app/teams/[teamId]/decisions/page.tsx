import { Link } from "@/app/_components/link";
import { Pager, pageHref, pageParam } from "@/app/_components/pager";
import { PhaseBadge } from "@/app/_components/phase-badge";
import { PHONE_HIDDEN, Table } from "@/app/_components/table";
import { Time } from "@/app/_components/time";
import { buttonClass, Card, cx, inputClass, PageHeader } from "@/app/_components/ui";
import { teamPage, teamPageMetadata } from "@/lib/entry/pages";
import { can } from "@/lib/auth/roles";
import { DECISION_STATUSES, STATUS_LABELS } from "@/lib/domain/phases";
import { decisionLogData } from "@/lib/services/pages/decision-log";
import { decisionLogQuery } from "@/lib/validation/page-query";
import { DecisionMarkers } from "./_components/decision-markers";
import { RadarLink } from "./radar-link";

export const generateMetadata = ({ params }: { params: Promise<{ teamId: string }> }) => teamPageMetadata(params, "team.view", "Decisions");

export default async function DecisionLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { teamId } = await params;
  const view = await teamPage(teamId, "team.view", `/teams/${teamId}/decisions`);
  const data = await decisionLogData(view, decisionLogQuery(await searchParams));
  const { team, filter, decisions, total } = data;
  const filtered = Boolean(filter.status || filter.q);
  const mayCreate = can(view.actor.role, "decision.create");
  const base = `/teams/${teamId}/decisions`;
  const href = (page: number) => pageHref(base, { q: filter.q, status: filter.status, page: pageParam(page) });

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/teams/${teamId}`} className="text-brand-600 hover:underline dark:text-brand-100">
          ← {team.name}
        </Link>
      </p>
      <PageHeader
        title="Decisions"
        description="Every decision this team has started, newest first, with where it stands and what was chosen."
        actions={
          mayCreate ? (
            <Link href={`${base}/new`} className={buttonClass()}>
              New decision
            </Link>
          ) : null
        }
      />
      <Card aria-labelledby="log-heading">
        <h2 id="log-heading" className="sr-only">
          Decision log
        </h2>
        <form method="get" action={base} role="search" aria-label="Filter decisions" className="mb-6 flex flex-wrap items-end gap-3">
          <div className="min-w-48 flex-1">
            <label htmlFor="log-q" className="mb-1 block text-sm font-medium">
              Title contains
            </label>
            <input id="log-q" type="search" name="q" defaultValue={filter.q ?? ""} maxLength={120} className={inputClass} />
          </div>
          <div>
            <label htmlFor="log-status" className="mb-1 block text-sm font-medium">
              Status
            </label>
            <select id="log-status" name="status" defaultValue={filter.status ?? ""} className={inputClass}>
              <option value="">All statuses</option>
              {DECISION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            Filter
          </button>
          {filtered ? (
            <Link href={base} className="py-2 text-sm font-medium text-brand-600 hover:underline dark:text-brand-100">
              Clear filters
            </Link>
          ) : null}
        </form>

        {decisions.length === 0 && total > 0 ? (
          <p className="text-slate-600 dark:text-slate-400">
            There is no page {data.page}.{" "}
            <Link href={href(1)} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
              Go to the first page
            </Link>
            .
          </p>
        ) : decisions.length === 0 ? (
          filtered ? (
            <p className="text-slate-600 dark:text-slate-400">
              No decisions match these filters.{" "}
              <Link href={base} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
                Show all decisions
              </Link>
              .
            </p>
          ) : (
            <p className="text-slate-600 dark:text-slate-400">
              No decisions yet.{" "}
              {mayCreate ? (
                <>
                  Start one with{" "}
                  <Link href={`${base}/new`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
                    New decision
                  </Link>
                  : shortlist the frameworks, agree on the criteria, then the team weighs and scores them.
                </>
              ) : (
                "Decisions this team starts will be listed here, with their status and outcome."
              )}
            </p>
          )
        ) : (
          <Table
            caption={`${filtered ? "Decisions matching the filters" : "All decisions"}: ${total}${data.pageCount > 1 ? `, page ${data.page} of ${data.pageCount}` : ""}`}
            columns={[
              { label: "Decision" },
              { label: "Status" },
              { label: "Chosen option", className: PHONE_HIDDEN },
              { label: "Date", className: PHONE_HIDDEN },
              { label: "Facilitator", className: PHONE_HIDDEN },
            ]}
          >
            {decisions.map((d) => {
              const chosen = d.effectiveStatus === "decided" ? d.chosenOptionName : null;
              return (
                <tr key={d.id}>
                  <td className="py-3 pr-4">
                    <Link href={`${base}/${d.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
                      {d.title}
                    </Link>
                    <DecisionMarkers decision={d} className="mt-1" />
                    {/* On a phone the last three columns give way: what they say sits under the title. */}
                    <p className="mt-1 text-slate-600 sm:hidden dark:text-slate-400">
                      {chosen ? <>Chose {chosen} · </> : null}
                      <DecisionDate decision={d} /> · facilitated by {d.facilitatorName}
                    </p>
                  </td>
                  <td className="py-3 pr-4">
                    <PhaseBadge status={d.effectiveStatus} />
                  </td>
                  <td className={cx("py-3 pr-4", PHONE_HIDDEN)}>
                    {chosen ? (
                      <span className="font-medium">{chosen}</span>
                    ) : (
                      <span className="text-slate-500 dark:text-slate-400">
                        <span aria-hidden="true">—</span>
                        <span className="sr-only">None yet</span>
                      </span>
                    )}
                  </td>
                  <td className={cx("py-3 pr-4 whitespace-nowrap text-slate-600 dark:text-slate-400", PHONE_HIDDEN)}>
                    <DecisionDate decision={d} />
                  </td>
                  <td className={cx("py-3 text-slate-600 dark:text-slate-400", PHONE_HIDDEN)}>{d.facilitatorName}</td>
                </tr>
              );
            })}
          </Table>
        )}
        <Pager what="decisions" page={data.page} pageCount={data.pageCount} href={href} />
        <RadarLink teamId={teamId} />
      </Card>
    </>
  );
}

/** When a decision was decided, or else when it was started. */
function DecisionDate({ decision }: { decision: { decidedAt: Date | null; createdAt: Date } }) {
  return decision.decidedAt ? (
    <>
      Decided <Time date={decision.decidedAt} withTime={false} />
    </>
  ) : (
    <>
      Created <Time date={decision.createdAt} withTime={false} />
    </>
  );
}
