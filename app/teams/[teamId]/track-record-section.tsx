import { Link } from "@/app/_components/link";
import { Table } from "@/app/_components/table";
import { Time } from "@/app/_components/time";
import { Card, CardTitle } from "@/app/_components/ui";
import type { TrackRecord } from "@/db/queries/reviews";
import { REVIEW_MISS_THRESHOLD } from "@/lib/domain/review";

const times = (n: number) => (n === 1 ? "once" : n === 2 ? "twice" : `${n} times`);

/** How the team's decisions turned out: what is due for review, what was reviewed, and where the team tends to misjudge. */
export function TrackRecordSection({ teamId, record }: { teamId: string; record: TrackRecord }) {
  if (record.due.length === 0 && record.reviewed.length === 0) return null;
  const decisionHref = (id: string, page = "") => `/teams/${teamId}/decisions/${id}${page}`;
  const linkClass = "font-medium text-brand-600 hover:underline dark:text-brand-100";
  return (
    <Card aria-labelledby="track-record-heading">
      <CardTitle id="track-record-heading">Track record</CardTitle>
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="reviews-due-heading">
          <h3 id="reviews-due-heading" className="mb-2 text-sm font-semibold">
            Due for review
          </h3>
          {record.due.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">Nothing is waiting for a review.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {record.due.map((d) => (
                <li key={d.id}>
                  <Link href={decisionHref(d.id, "/review")} className={linkClass}>
                    {d.title}
                  </Link>
                  <span className="text-slate-600 dark:text-slate-400">
                    {" "}
                    · due since <Time date={d.reviewDueAt} withTime={false} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="reviewed-heading">
          <h3 id="reviewed-heading" className="mb-2 text-sm font-semibold">
            Reviewed
          </h3>
          {record.reviewed.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No decision has been reviewed yet.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {record.reviewed.map((d) => (
                <li key={d.id}>
                  <Link href={decisionHref(d.id)} className={linkClass}>
                    {d.title}
                  </Link>
                  <span className="text-slate-600 dark:text-slate-400">
                    {" "}
                    · {d.reviewers} {d.reviewers === 1 ? "review" : "reviews"}, the latest <Time date={d.lastReviewedAt} withTime={false} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section aria-labelledby="misjudged-heading" className="mt-6">
        <h3 id="misjudged-heading" className="mb-1 text-sm font-semibold">
          Where the team misjudges
        </h3>
        <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">
          Criteria on which the chosen option’s reviewed mean strayed {REVIEW_MISS_THRESHOLD} or more from what the team expected, across reviewed decisions.
        </p>
        {record.criteria.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">So far the team’s expectations have held.</p>
        ) : (
          <Table
            labelledBy="misjudged-heading"
            scrollRegionLabel="Criteria the team misjudged"
            columns={[{ label: "Criterion" }, { label: "Optimistic" }, { label: "Pessimistic" }, { label: "Held" }]}
          >
            {record.criteria.map((c) => (
              <tr key={c.name}>
                <th scope="row" className="py-2 pr-4 font-medium">
                  {c.name}
                </th>
                <td className="py-2 pr-4">{c.optimistic ? times(c.optimistic) : "never"}</td>
                <td className="py-2 pr-4">{c.pessimistic ? times(c.pessimistic) : "never"}</td>
                <td className="py-2">{c.held ? times(c.held) : "never"}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </Card>
  );
}
