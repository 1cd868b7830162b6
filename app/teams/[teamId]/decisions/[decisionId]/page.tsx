import type { Metadata } from "next";
import Link from "next/link";
import { PhaseBadge } from "@/app/_components/phase-badge";
import { Time } from "@/app/_components/time";
import { Badge, buttonClass, Card, CardTitle, PageHeader } from "@/app/_components/ui";
import { progress } from "@/db/queries/ballots";
import { facilitatorName, findDecision, listDecisions, loadStructure } from "@/db/queries/decisions";
import { listDecisionEvents } from "@/db/queries/events";
import { getOutcome } from "@/db/queries/outcomes";
import { can } from "@/lib/auth/roles";
import { describeEvent } from "@/lib/domain/describe-event";
import { acceptsScores, acceptsWeights, DECISION_STATUSES, isClosed, isEditable, isSealed } from "@/lib/domain/phases";
import { loadDecisionPage } from "./load";
import { AdvancePhaseForm, DeprecateForm, NextRoundForm, SupersedeForm, WithdrawForm } from "./phase-forms";
import { ExportLinks } from "./export-links";

export const metadata: Metadata = { title: "Decision" };

const STEPS = DECISION_STATUSES.filter((s) => s !== "withdrawn");

function Paragraphs({ text }: { text: string }) {
  return (
    <div className="space-y-2 whitespace-pre-line text-slate-700 dark:text-slate-300">
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

export default async function DecisionPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string; decisionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, user, access, decision, teamId, base } = await loadDecisionPage(params);
  const [structure, votes, timeline, facilitator, outcome, flags] = await Promise.all([
    loadStructure(db, decision.id),
    progress(db, teamId, decision.id, decision.currentRound),
    listDecisionEvents(db, teamId, decision.id),
    facilitatorName(db, decision),
    decision.status === "decided" ? getOutcome(db, decision.id) : Promise.resolve(null),
    searchParams,
  ]);
  const [supersededBy, candidates] = await Promise.all([
    decision.supersededById ? findDecision(db, teamId, decision.supersededById) : Promise.resolve(null),
    decision.status === "decided" && !decision.supersededById && access.facilitates
      ? listDecisions(db, teamId, { status: "decided" })
      : Promise.resolve([]),
  ]);
  const supersedes = timeline.filter((e) => e.type === "decision.supersedes");
  const mayVote = can(access.role, "decision.vote");
  const me = votes.voters.find((v) => v.userId === user.id);
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
            {supersededBy ? <Badge tone="warn">Superseded</Badge> : null}
            {decision.deprecatedAt ? <Badge tone="warn">Deprecated</Badge> : null}
            <span>
              Facilitated by {facilitator} · created <Time date={decision.createdAt} withTime={false} />
            </span>
          </span>
        }
        actions={
          isEditable(decision.status) && access.facilitates ? (
            <Link href={`${base}/edit`} className={buttonClass("secondary")}>
              Edit draft
            </Link>
          ) : null
        }
      />
      {flags.decided ? (
        <p role="status" className="mb-6 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          The decision is recorded. Its tally and inputs are frozen as they are now.
        </p>
      ) : null}

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

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          {outcome ? (
            <Card aria-labelledby="record-heading">
              <CardTitle id="record-heading">Decision record</CardTitle>
              <dl className="space-y-4">
                <div>
                  <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Status</dt>
                  <dd>
                    {supersededBy ? (
                      <>
                        Superseded by <Link href={`/teams/${teamId}/decisions/${supersededBy.id}`} className="text-brand-600 hover:underline dark:text-brand-100">{supersededBy.title}</Link>
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
                    <dd><Paragraphs text={outcome.record.justification} /></dd>
                  </div>
                ) : null}
                <div>
                  <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Context</dt>
                  <dd><Paragraphs text={outcome.record.context} /></dd>
                </div>
                <div>
                  <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Decision</dt>
                  <dd><Paragraphs text={outcome.record.decision} /></dd>
                </div>
              </dl>
              <dl className="mt-4 grid gap-4 sm:grid-cols-2">
                  <div>
                    <dt className="text-xs font-semibold uppercase tracking-wide text-emerald-700 dark:text-emerald-300">Good consequences</dt>
                    <dd><Paragraphs text={outcome.record.consequencesGood} /></dd>
                  </div>
                  <div>
                    <dt className="text-xs font-semibold uppercase tracking-wide text-red-700 dark:text-red-300">Bad consequences</dt>
                    <dd><Paragraphs text={outcome.record.consequencesBad} /></dd>
                  </div>
                </dl>
                {supersedes.length > 0 ? (
              <dl className="mt-4">
                  <div>
                    <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Supersedes</dt>
                    <dd>
                      {supersedes.map((e) => (
                        <Link key={e.id} href={`/teams/${teamId}/decisions/${String(e.payload.decisionId)}`} className="mr-3 text-brand-600 hover:underline dark:text-brand-100">
                          {String(e.payload.title ?? "An earlier decision")}
                        </Link>
                      ))}
                    </dd>
                  </div>
              </dl>
                ) : null}
              <Link href={`${base}/results`} className="mt-6 inline-block font-medium text-brand-600 hover:underline dark:text-brand-100">
                See the results as they were when decided
              </Link>
            </Card>
          ) : null}

          <Card aria-labelledby="context-heading">
            <CardTitle id="context-heading">Context</CardTitle>
            {decision.context ? <Paragraphs text={decision.context} /> : <p className="text-slate-500 dark:text-slate-400">No context written.</p>}
          </Card>

          <div className="grid gap-6 md:grid-cols-2">
            <Card aria-labelledby="options-heading">
              <CardTitle id="options-heading">Options ({structure.options.length})</CardTitle>
              <ul className="space-y-3">
                {structure.options.map((o) => (
                  <li key={o.id}>
                    <div className="font-medium">
                      {o.link ? (
                        <a href={o.link} rel="noreferrer" className="hover:underline">
                          {o.name}
                        </a>
                      ) : (
                        o.name
                      )}
                      {o.frameworkSlug ? null : <span className="ml-2 text-xs text-slate-500">custom</span>}
                    </div>
                    {o.description ? <p className="text-sm text-slate-600 dark:text-slate-400">{o.description}</p> : null}
                  </li>
                ))}
              </ul>
            </Card>
            <Card aria-labelledby="criteria-heading">
              <CardTitle id="criteria-heading">Criteria ({structure.criteria.length})</CardTitle>
              <ul className="space-y-3">
                {structure.criteria.map((c) => (
                  <li key={c.id}>
                    <div className="font-medium">{c.name}</div>
                    {c.description ? <p className="text-sm text-slate-600 dark:text-slate-400">{c.description}</p> : null}
                  </li>
                ))}
              </ul>
            </Card>
          </div>

          <Card aria-labelledby="timeline-heading">
            <CardTitle id="timeline-heading">Timeline</CardTitle>
            <ol className="relative space-y-3 border-l border-slate-200 pl-4 text-sm dark:border-slate-800">
              {timeline.map((event) => (
                <li key={event.id}>
                  <span className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border-2 border-white bg-brand-500 dark:border-slate-900" aria-hidden="true" />
                  <p>{describeEvent(event.type, event.payload, event.actorName)}</p>
                  <p className="text-xs text-slate-500 dark:text-slate-400">
                    <Time date={event.createdAt} />
                  </p>
                </li>
              ))}
            </ol>
          </Card>
        </div>

        <aside className="space-y-6" aria-label="Taking part">
          {!isClosed(decision.status) || decision.status === "decided" ? (
            <Card aria-labelledby="part-heading">
              <CardTitle id="part-heading">Your part</CardTitle>
              <YourPart
                base={base}
                status={decision.status}
                mayVote={mayVote}
                weighted={me?.weighted ?? false}
                scored={me?.scored ?? false}
              />
            </Card>
          ) : null}

          <Card aria-labelledby="progress-heading">
            <CardTitle id="progress-heading">Progress</CardTitle>
            <p className="text-sm">
              <strong>{votes.weighted}</strong> of {votes.eligible} have submitted weights
            </p>
            <p className="text-sm">
              <strong>{votes.scored}</strong> of {votes.eligible} have submitted scores{decision.currentRound > 1 ? ` in round ${decision.currentRound}` : ""}
            </p>
            <ul className="mt-3 space-y-1 text-sm">
              {votes.voters.map((v) => (
                <li key={v.userId} className="flex justify-between gap-2">
                  <span>{v.name}</span>
                  <span className="text-slate-500 dark:text-slate-400">
                    {v.scored ? "scored" : v.weighted ? "weighted" : "not yet"}
                  </span>
                </li>
              ))}
            </ul>
            {isSealed(decision.status) ? (
              <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">Weights and scores stay sealed until the reveal.</p>
            ) : null}
            {decision.weightingDeadline || decision.scoringDeadline ? (
              <dl className="mt-3 space-y-1 text-xs text-slate-600 dark:text-slate-400">
                {decision.weightingDeadline ? (
                  <div>
                    <dt className="inline">Weighting closes </dt>
                    <dd className="inline"><Time date={decision.weightingDeadline} /></dd>
                  </div>
                ) : null}
                {decision.scoringDeadline ? (
                  <div>
                    <dt className="inline">Scoring closes </dt>
                    <dd className="inline"><Time date={decision.scoringDeadline} /></dd>
                  </div>
                ) : null}
              </dl>
            ) : null}
          </Card>

          {access.facilitates && !isClosed(decision.status) ? (
            <Card aria-labelledby="facilitate-heading">
              <CardTitle id="facilitate-heading">Facilitate</CardTitle>
              <div className="space-y-4">
                {decision.status === "revealed" ? (
                  <>
                    <Link href={`${base}/decide`} className={buttonClass("primary")}>
                      Record the decision
                    </Link>
                    <NextRoundForm teamId={teamId} decisionId={decision.id} round={decision.currentRound} />
                  </>
                ) : (
                  <AdvancePhaseForm teamId={teamId} decisionId={decision.id} status={decision.status} />
                )}
                <WithdrawForm teamId={teamId} decisionId={decision.id} />
              </div>
            </Card>
          ) : null}

          {decision.status === "decided" && access.facilitates && (!decision.supersededById || !decision.deprecatedAt) ? (
            <Card aria-labelledby="lifecycle-heading">
              <CardTitle id="lifecycle-heading">Later on</CardTitle>
              <div className="space-y-4">
                {!decision.supersededById ? (
                  <SupersedeForm teamId={teamId} decisionId={decision.id} candidates={candidates.filter((c) => c.id !== decision.id && !c.supersededById)} />
                ) : null}
                {!decision.deprecatedAt ? <DeprecateForm teamId={teamId} decisionId={decision.id} /> : null}
              </div>
            </Card>
          ) : null}
          <ExportLinks base={base} status={decision.status} />
        </aside>
      </div>
    </>
  );
}

function YourPart({ base, status, mayVote, weighted, scored }: { base: string; status: string; mayVote: boolean; weighted: boolean; scored: boolean }) {
  const link = (href: string, label: string, primary = true) => (
    <Link href={href} className={buttonClass(primary ? "primary" : "secondary", "w-full")}>
      {label}
    </Link>
  );
  if (status === "draft") return <p className="text-sm text-slate-600 dark:text-slate-400">The facilitator is still preparing the options and criteria.</p>;
  if (status === "revealed" || status === "decided") return link(`${base}/results`, "See the results");
  if (!mayVote) return <p className="text-sm text-slate-600 dark:text-slate-400">As a viewer you can follow along; only members vote.</p>;
  if (acceptsWeights(status as "weighting")) {
    return (
      <div className="space-y-2">
        <p className="text-sm">{weighted ? "You submitted your weights; you can still change them." : "How much does each criterion matter to you?"}</p>
        {link(`${base}/weights`, weighted ? "Change your weights" : "Weight the criteria")}
      </div>
    );
  }
  if (acceptsScores(status as "scoring")) {
    return (
      <div className="space-y-2">
        <p className="text-sm">{scored ? "You submitted your scores; you can still change them." : "Score every option on every criterion."}</p>
        {link(`${base}/scores`, scored ? "Change your scores" : "Score the options")}
        {weighted ? link(`${base}/weights`, "See your weights", false) : null}
      </div>
    );
  }
  return null;
}
