import type { Metadata } from "next";
import Link from "next/link";
import { Time } from "@/app/_components/time";
import { BackLink, Badge, buttonClass, Card, CardTitle, PageHeader } from "@/app/_components/ui";
import { allBallots, roundsOf } from "@/db/queries/ballots";
import { loadStructure } from "@/db/queries/decisions";
import { getOutcome } from "@/db/queries/outcomes";
import { tallyOf } from "@/lib/domain/tally-of";
import { isSealed } from "@/lib/domain/phases";
import { scoreBasis } from "@/lib/domain/what-if";
import { loadDecisionPage } from "../load";
import { buildChartData, ResultsCharts } from "./charts";
import { PeopleSection } from "./people-section";
import { RoundsSection } from "./rounds-section";
import { SensitivitySection } from "./sensitivity-section";
import { WhatIf } from "./what-if";

export const metadata: Metadata = { title: "Results" };

const pct = (value: number) => `${Math.round(value * 100)}%`;
const points = (value: number | null) => (value === null ? "—" : value.toFixed(1));

export default async function ResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string; decisionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, user, access, decision, teamId, base } = await loadDecisionPage(params, "/results");
  const back = (
    <BackLink href={base}>{decision.title}</BackLink>
  );
  if (isSealed(decision.status) || decision.status === "withdrawn") {
    return (
      <>
        {back}
        <PageHeader title="Results" />
        <Card>
          <p role="status">
            {decision.status === "withdrawn"
              ? "This decision was withdrawn before its results were revealed."
              : "The results are sealed until the facilitator reveals them, so nobody anchors on anyone else’s weights or scores."}
          </p>
        </Card>
      </>
    );
  }

  // A decided decision shows its frozen snapshot: the record never changes when anything else does.
  const outcome = decision.status === "decided" ? await getOutcome(db, decision.id) : null;
  const source = outcome
    ? { options: outcome.snapshot.options, criteria: outcome.snapshot.criteria, inputs: outcome.snapshot.inputs, tally: outcome.snapshot.tally }
    : await (async () => {
        const [structure, inputs] = await Promise.all([loadStructure(db, decision.id), allBallots(db, user.id, teamId, decision.id)]);
        return { options: structure.options, criteria: structure.criteria, inputs, tally: tallyOf(structure, inputs) };
      })();
  const { tally, options, criteria, inputs } = source;
  const basis = scoreBasis({ options, criteria, members: inputs.members, weights: inputs.weights, scores: inputs.scores }, tally);
  // Earlier rounds' scores never change once their round closed, so they come from the score rows.
  const finalRound = outcome ? (outcome.snapshot.round ?? 1) : decision.currentRound;
  const earlier = finalRound > 1 ? await roundsOf(db, decision.id, finalRound - 1) : [];
  const rounds = [
    ...earlier.map((roundInputs, i) => ({ round: i + 1, tally: tallyOf({ options, criteria }, roundInputs) })),
    { round: finalRound, tally },
  ];
  const optionName = new Map(options.map((o) => [o.id, o.name]));
  const scorers = new Set(inputs.scores.map((s) => s.memberId)).size;
  const weighers = Object.keys(tally.memberWeights).length;
  const winnerNames = tally.winners.map((id) => optionName.get(id)).join(" and ");
  const query = await searchParams;
  const showAllPeople = query.people === "all";
  const selectedPerson = typeof query.person === "string" ? query.person : undefined;

  return (
    <>
      {back}
      <PageHeader
        title="Results"
        description={
          outcome ? (
            <>
              Frozen when the decision was recorded, <Time date={outcome.decidedAt} />.
            </>
          ) : (
            "Revealed: everyone’s weights and scores are now visible to the team."
          )
        }
        actions={
          decision.status === "revealed" && access.facilitates ? (
            <Link href={`${base}/decide`} className={buttonClass("primary")}>
              Record the decision
            </Link>
          ) : null
        }
      />

      <div className="space-y-6">
        <Card aria-labelledby="ranking-heading">
          <CardTitle id="ranking-heading">Weighted ranking</CardTitle>
          <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
            {tally.winners.length === 0
              ? "Nobody scored any option, so there is no ranking."
              : tally.tiedWinner
                ? `${winnerNames} tie for first place.`
                : `${winnerNames} comes first.`}{" "}
            From {weighers} member{weighers === 1 ? "’s" : "s’"} weights and {scorers} member{scorers === 1 ? "’s" : "s’"} scores; each option’s score is the sum of group weight × mean score, on 0–100.
            {tally.weightsFallback ? " Nobody gave usable weights, so every criterion counts the same." : ""}
          </p>
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Rank</th>
                <th scope="col" className="py-2 pr-3 font-medium">Option</th>
                <th scope="col" className="w-1/3 py-2 pr-3 font-medium">Score (0–100)</th>
                <th scope="col" className="py-2 pr-3 font-medium">Coverage</th>
                <th scope="col" className="py-2 font-medium">Spread</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {tally.options.map((o) => {
                const tiedWith = tally.options.filter((p) => p.rank !== null && p.rank === o.rank).length > 1;
                return (
                  <tr key={o.optionId}>
                    <td className="py-2 pr-3 tabular-nums">
                      {o.rank ?? "—"}
                      {tiedWith ? <span className="ml-1 text-xs text-amber-700 dark:text-amber-300">(tie)</span> : null}
                    </td>
                    <td className="py-2 pr-3 font-medium">{o.name}</td>
                    <td className="py-2 pr-3">
                      <div className="flex items-center gap-2">
                        <div className="h-2 flex-1 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                          <div className="h-2 rounded bg-brand-500" style={{ width: `${o.score ?? 0}%` }} />
                        </div>
                        <span className="w-12 text-right tabular-nums">{points(o.score)}</span>
                      </div>
                    </td>
                    <td className="py-2 pr-3 tabular-nums">{pct(o.coverage)}</td>
                    <td className="py-2 tabular-nums">{o.spread === null ? "—" : `±${o.spread.toFixed(1)}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>

        <div className="grid gap-6 md:grid-cols-2">
          <Card aria-labelledby="crosscheck-heading">
            <CardTitle id="crosscheck-heading">Cross-check with ranked methods</CardTitle>
            {tally.crossCheck.agrees ? (
              <p className="mb-3 flex items-center gap-2 text-sm">
                <Badge tone="good">Agrees</Badge> Schulze and Borda, counted on each member’s own ranking, pick the same winner.
              </p>
            ) : (
              <div className="mb-3 space-y-1 text-sm" role="note">
                <Badge tone="warn">Disagrees</Badge>
                <ul className="list-disc pl-5">
                  {tally.crossCheck.disagreements.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              </div>
            )}
            <dl className="grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
              <dt className="text-slate-500 dark:text-slate-400">Schulze</dt>
              <dd>{tally.schulze.ranking.map((r) => `${r.rank}. ${optionName.get(r.optionId)}`).join(" · ") || "—"}</dd>
              <dt className="text-slate-500 dark:text-slate-400">Borda</dt>
              <dd>
                {tally.borda.ranking.map((r) => `${r.rank}. ${optionName.get(r.optionId)} (${tally.borda.points[r.optionId]})`).join(" · ") || "—"}
              </dd>
            </dl>
          </Card>
          <Card aria-labelledby="consensus-heading">
            <CardTitle id="consensus-heading">Agreement</CardTitle>
            {tally.consensus ? (
              <>
                <p className="text-3xl font-semibold tabular-nums">{pct(tally.consensus.value)}</p>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {tally.consensus.label[0]!.toUpperCase() + tally.consensus.label.slice(1)} consensus: 100% means everyone gave every option the same score on every criterion.
                </p>
              </>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">Agreement needs at least two people scoring the same option on the same criterion.</p>
            )}
          </Card>
        </div>

        <RoundsSection rounds={rounds} optionOrder={options.map((o) => ({ optionId: o.id, name: o.name }))} />

        <SensitivitySection basis={basis} />

        <Card aria-labelledby="whatif-heading">
          <CardTitle id="whatif-heading">What if the weights were different?</CardTitle>
          <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">Move a criterion’s weight and the ranking is recomputed at once, with the same arithmetic as the result above.</p>
          <WhatIf basis={basis} />
        </Card>

        <Card aria-labelledby="breakdown-heading">
          <CardTitle id="breakdown-heading">Per criterion</CardTitle>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">Mean score (1–5) with the number of scores and the spread (standard deviation). A wide spread is where the team disagrees.</p>
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Per-criterion table, scrolls sideways">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">Criterion</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Group weight</th>
                  {tally.options.map((o) => (
                    <th key={o.optionId} scope="col" className="py-2 pr-3 font-medium">
                      {o.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {criteria.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" className="py-2 pr-3 font-medium">{c.name}</th>
                    <td className="py-2 pr-3 tabular-nums">{pct(tally.groupWeights[c.id] ?? 0)}</td>
                    {tally.options.map((o) => {
                      const cell = o.perCriterion[c.id];
                      const wide = cell?.sd !== null && cell?.sd !== undefined && cell.sd >= 1;
                      return (
                        <td key={o.optionId} className={`py-2 pr-3 tabular-nums ${wide ? "bg-amber-50 dark:bg-amber-950/40" : ""}`}>
                          {cell?.mean == null ? (
                            <span className="text-slate-500 dark:text-slate-400">no scores</span>
                          ) : (
                            <>
                              {cell.mean.toFixed(2)} <span className="text-xs text-slate-500 dark:text-slate-400">n={cell.n}{cell.sd !== null ? ` ±${cell.sd.toFixed(2)}` : ""}</span>
                            </>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>

        <ResultsCharts data={buildChartData({ tally, criteria, members: inputs.members, anonymous: decision.anonymous })} />

        {decision.anonymous ? (
          <Card>
            <p className="text-sm text-slate-600 dark:text-slate-400">This decision is anonymous: results are shown only in aggregate, never per person.</p>
          </Card>
        ) : (
          <PeopleSection inputs={inputs} tally={tally} criteria={criteria} optionName={optionName} selectedId={selectedPerson} showAll={showAllPeople} />
        )}
      </div>
    </>
  );
}
