import { Link } from "@/app/_components/link";
import { Time } from "@/app/_components/time";
import { Card, CardTitle } from "@/app/_components/ui";
import type { DecisionLink } from "@/db/queries/decisions";
import type { Decision } from "@/db/schema";
import type { DecisionPageData } from "@/lib/services/pages/decision-page";
import { AmendForm } from "./amend-form";
import { Paragraphs } from "./paragraphs";

type Outcome = NonNullable<DecisionPageData["outcome"]>;

/** The recorded outcome of a decided decision: what was chosen and why, and what it replaced. */
export function RecordSection({
  decision,
  outcome,
  teamId,
  base,
  supersededBy,
  supersedes,
  mayAmend,
}: {
  decision: Decision;
  outcome: Outcome;
  teamId: string;
  base: string;
  supersededBy: DecisionLink | null;
  supersedes: DecisionLink[];
  /** The facilitator, an owner or an admin (decision.run). */
  mayAmend: boolean;
}) {
  return (
    <Card aria-labelledby="record-heading">
      <CardTitle id="record-heading">Decision record</CardTitle>
      <dl className="space-y-4">
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Status</dt>
          <dd>
            {supersededBy ? (
              <>
                Superseded by{" "}
                <Link href={`/teams/${teamId}/decisions/${supersededBy.id}`} className="text-brand-600 hover:underline dark:text-brand-100">
                  {supersededBy.title}
                </Link>
              </>
            ) : decision.deprecatedAt ? (
              "Deprecated"
            ) : (
              "Accepted"
            )}
            {" · decided "}
            <Time date={outcome.decidedAt} />
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Chosen option</dt>
          <dd className="text-lg font-semibold">{outcome.chosenOptionName}</dd>
        </div>
        {outcome.record.justification ? (
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Why not the top-ranked option</dt>
            <dd>
              <Paragraphs text={outcome.record.justification} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Context</dt>
          <dd>
            <Paragraphs text={outcome.record.context} />
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Decision</dt>
          <dd>
            <Paragraphs text={outcome.record.decision} />
          </dd>
        </div>
      </dl>
      <dl className="mt-4 grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-emerald-700 dark:text-emerald-300">Good consequences</dt>
          <dd>
            <Paragraphs text={outcome.record.consequencesGood} />
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-red-700 dark:text-red-300">Bad consequences</dt>
          <dd>
            <Paragraphs text={outcome.record.consequencesBad} />
          </dd>
        </div>
      </dl>
      {supersedes.length > 0 ? (
        <dl className="mt-4">
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Supersedes</dt>
            <dd>
              {supersedes.map((older) => (
                <Link key={older.id} href={`/teams/${teamId}/decisions/${older.id}`} className="mr-3 text-brand-600 hover:underline dark:text-brand-100">
                  {older.title}
                </Link>
              ))}
            </dd>
          </div>
        </dl>
      ) : null}
      {outcome.amendments.length > 0 ? <Amendments amendments={outcome.amendments} /> : null}
      <Link href={`${base}/results`} className="mt-6 inline-block font-medium text-brand-600 hover:underline dark:text-brand-100">
        See the results as they were when decided
      </Link>
      {mayAmend ? <AmendForm teamId={teamId} decisionId={decision.id} /> : null}
    </Card>
  );
}

/** Amendments under the record, oldest first: each dated, signed and with its reason. */
function Amendments({ amendments }: { amendments: Outcome["amendments"] }) {
  return (
    <section aria-labelledby="amendments-heading" className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-800">
      <h3 id="amendments-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        Amendments
      </h3>
      <ol className="mt-2 space-y-4">
        {amendments.map((a) => (
          <li key={a.id} className="border-l-4 border-amber-400 pl-3 dark:border-amber-600">
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Amended <Time date={a.createdAt} />
              {a.authorName ? ` by ${a.authorName}` : ""}
            </p>
            <Paragraphs text={a.text} />
            <p className="mt-1 text-sm">
              <span className="font-medium">Why: </span>
              {a.reason}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
