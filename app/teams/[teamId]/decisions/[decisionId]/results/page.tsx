import { Link } from "@/app/_components/link";
import { Time } from "@/app/_components/time";
import { buttonClass, Card, PageHeader } from "@/app/_components/ui";
import { loadResults } from "@/lib/services/results-page";
import { loadDecisionPage } from "../load";
import { AgreementSection } from "./agreement-section";
import { ChartsLinkSection } from "./charts-link-section";
import { PeopleSection } from "./people-section";
import { PerCriterionSection } from "./per-criterion-section";
import { RankingSection } from "./ranking-section";
import { RoundsSection } from "./rounds-section";
import { ResultsBack } from "./results-back";
import { SealedNotice, sealedNoticeOf } from "./sealed-notice";
import { SensitivitySection } from "./sensitivity-section";
import { WhatIfSection } from "./what-if-section";
import { decisionPageMetadata } from "@/lib/entry/pages";

export const generateMetadata = ({ params }: { params: Promise<{ teamId: string; decisionId: string }> }) => decisionPageMetadata(params, "Results");

export default async function ResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string; decisionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { view, access, decision, base } = await loadDecisionPage(params, "/results");
  const query = await searchParams;
  const selectedPerson = typeof query.person === "string" ? query.person : undefined;
  const results = await loadResults(view, { personId: selectedPerson });
  const back = (
    <ResultsBack href={base} view={view}>
      {decision.title}
    </ResultsBack>
  );
  if (results.kind === "sealed" || results.kind === "withdrawn") {
    const sealed = results.kind === "sealed" ? await sealedNoticeOf(view, base) : null;
    return <SealedNotice back={back} title="Results" sealed={sealed} />;
  }

  const { tally, options, criteria, members, basis, rounds, decidedAt } = results;
  const optionName = new Map(options.map((o) => [o.id, o.name]));
  const peoplePage = typeof query.people === "string" ? query.people : undefined;

  return (
    <>
      {back}
      <PageHeader
        title="Results"
        description={
          decidedAt ? (
            <>
              Frozen when the decision was recorded, <Time date={decidedAt} />.
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
        <RankingSection tally={tally} optionName={optionName} weighers={results.weighers} scorers={results.scorers} />
        <AgreementSection tally={tally} optionName={optionName} />
        <RoundsSection rounds={rounds} optionOrder={options.map((o) => ({ optionId: o.id, name: o.name }))} />
        <SensitivitySection basis={basis} />
        <WhatIfSection basis={basis} />
        <PerCriterionSection tally={tally} criteria={criteria} />
        <ChartsLinkSection href={`${base}/results/charts`} />

        {decision.anonymous ? (
          <Card>
            <p className="text-sm text-slate-600 dark:text-slate-400">This decision is anonymous: results are shown only in aggregate, never per person.</p>
          </Card>
        ) : (
          <PeopleSection members={members} person={results.person} tally={tally} criteria={criteria} optionName={optionName} page={peoplePage} />
        )}
      </div>
    </>
  );
}
