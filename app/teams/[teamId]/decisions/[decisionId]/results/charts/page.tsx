import type { Metadata } from "next";
import { LiveUpdates } from "@/app/_components/live-updates";
import { BackLink, PageHeader } from "@/app/_components/ui";
import { decisionLiveUrl } from "@/lib/domain/live-updates";
import { loadResultsTally } from "@/lib/services/results-page";
import { loadDecisionPage } from "../../load";
import { SealedNotice } from "../sealed-notice";
import { buildChartData, ResultsCharts } from ".";

export const metadata: Metadata = { title: "Results charts" };

/** The results drawn: linked from the results page, sealed and withdrawn alike. */
export default async function ResultsChartsPage({ params }: { params: Promise<{ teamId: string; decisionId: string }> }) {
  const { view, decision, teamId, base } = await loadDecisionPage(params, "/results/charts");
  const results = await loadResultsTally(view);
  const back = (
    <>
      <BackLink href={`${base}/results`}>Results</BackLink>
      <LiveUpdates url={decisionLiveUrl(teamId, decision.id)} after={view.lastEventId} phase={decision.status} />
    </>
  );
  if (results.kind === "sealed" || results.kind === "withdrawn") {
    return (
      <>
        {back}
        <SealedNotice title="Results charts" withdrawn={results.kind === "withdrawn"} />
      </>
    );
  }
  const { tally, criteria, members } = results;
  return (
    <>
      {back}
      <PageHeader title="Results charts" description={decision.title} />
      <ResultsCharts data={buildChartData({ tally, criteria, members, anonymous: decision.anonymous })} />
    </>
  );
}
