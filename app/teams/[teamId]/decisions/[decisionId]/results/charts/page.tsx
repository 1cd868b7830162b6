import { PageHeader } from "@/app/_components/ui";
import { loadResultsTally } from "@/lib/services/results-page";
import { loadDecisionPage } from "../../load";
import { ResultsBack } from "../results-back";
import { SealedNotice, sealedNoticeOf } from "../sealed-notice";
import { buildChartData, ResultsCharts } from ".";
import { decisionPageMetadata } from "@/lib/entry/pages";

export const generateMetadata = ({ params }: { params: Promise<{ teamId: string; decisionId: string }> }) => decisionPageMetadata(params, "Results charts");

/** The results drawn: linked from the results page, sealed and withdrawn alike. */
export default async function ResultsChartsPage({ params }: { params: Promise<{ teamId: string; decisionId: string }> }) {
  const { view, decision, base } = await loadDecisionPage(params, "/results/charts");
  const results = await loadResultsTally(view);
  const back = (
    <ResultsBack href={`${base}/results`} view={view}>
      Results
    </ResultsBack>
  );
  if (results.kind === "sealed" || results.kind === "withdrawn") {
    const sealed = results.kind === "sealed" ? await sealedNoticeOf(view, base) : null;
    return <SealedNotice back={back} title="Results charts" sealed={sealed} />;
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
