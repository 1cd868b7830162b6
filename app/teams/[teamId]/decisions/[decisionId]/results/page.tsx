import type { Metadata } from "next";
import Link from "next/link";
import { Time } from "@/app/_components/time";
import { BackLink, buttonClass, Card, PageHeader } from "@/app/_components/ui";
import { roundsOf } from "@/db/queries/ballots";
import { loadStructure } from "@/db/queries/decisions";
import { revealedBallots } from "@/lib/services/ballots";
import { getOutcome } from "@/lib/services/outcomes";
import { tallyOf } from "@/lib/domain/tally-of";
import { isSealed } from "@/lib/domain/phases";
import { scoreBasis } from "@/lib/domain/what-if";
import { loadDecisionPage } from "../load";
import { AgreementSection } from "./agreement-section";
import { buildChartData, ResultsCharts } from "./charts";
import { PeopleSection } from "./people-section";
import { PerCriterionSection } from "./per-criterion-section";
import { RankingSection } from "./ranking-section";
import { RoundsSection } from "./rounds-section";
import { SensitivitySection } from "./sensitivity-section";
import { WhatIfSection } from "./what-if-section";

export const metadata: Metadata = { title: "Results" };

export default async function ResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string; decisionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { view, db, access, decision, base } = await loadDecisionPage(params, "/results");
  const back = <BackLink href={base}>{decision.title}</BackLink>;
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
        const [structure, inputs] = await Promise.all([loadStructure(db, decision.id), revealedBallots(view)]);
        return { options: structure.options, criteria: structure.criteria, inputs, tally: tallyOf(structure, inputs) };
      })();
  const { tally, options, criteria, inputs } = source;
  const basis = scoreBasis({ options, criteria, members: inputs.members, weights: inputs.weights, scores: inputs.scores }, tally);
  // Earlier rounds' scores never change once their round closed, so they come from the score rows.
  const finalRound = outcome ? (outcome.snapshot.round ?? 1) : decision.currentRound;
  const earlier = finalRound > 1 ? await roundsOf(db, decision.id, finalRound - 1) : [];
  const rounds = [...earlier.map((roundInputs, i) => ({ round: i + 1, tally: tallyOf({ options, criteria }, roundInputs) })), { round: finalRound, tally }];
  const optionName = new Map(options.map((o) => [o.id, o.name]));
  const scorers = new Set(inputs.scores.map((s) => s.memberId)).size;
  const weighers = Object.keys(tally.memberWeights).length;
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
        <RankingSection tally={tally} optionName={optionName} weighers={weighers} scorers={scorers} />
        <AgreementSection tally={tally} optionName={optionName} />
        <RoundsSection rounds={rounds} optionOrder={options.map((o) => ({ optionId: o.id, name: o.name }))} />
        <SensitivitySection basis={basis} />
        <WhatIfSection basis={basis} />
        <PerCriterionSection tally={tally} criteria={criteria} />
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
