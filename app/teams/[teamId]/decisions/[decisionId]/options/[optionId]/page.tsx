import { notFound } from "next/navigation";
import { LiveUpdates } from "@/app/_components/live-updates";
import { BackLink, PageHeader } from "@/app/_components/ui";
import { canOnDecision } from "@/lib/auth/roles";
import { decisionLiveUrl } from "@/lib/domain/live-updates";
import { optionThreadData } from "@/lib/services/pages/option-thread";
import { id } from "@/lib/validation/fields";
import { threadQuery } from "@/lib/validation/page-query";
import { earlierCommentsHref, Thread } from "../../discussion/thread";
import { loadDecisionPage } from "../../load";
import { EvidenceList } from "./evidence-list";
import { optionPageMetadata } from "@/lib/entry/pages";

export const generateMetadata = ({ params }: { params: Promise<{ teamId: string; decisionId: string; optionId: string }> }) => optionPageMetadata(params);

export default async function OptionThreadPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string; decisionId: string; optionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { optionId } = await params;
  const { view, access, decision, teamId, base } = await loadDecisionPage(params, `/options/${optionId}`);
  // Not an id at all: the same answer as an option of another decision.
  if (!id("option").safeParse(optionId).success) notFound();
  const data = await optionThreadData(view, optionId, threadQuery(await searchParams));
  if (!data) notFound();
  const here = `${base}/options/${data.option.id}`;
  return (
    <>
      <BackLink href={base}>{decision.title}</BackLink>
      <PageHeader title={`Discussing ${data.option.name}`} description={data.option.description || undefined} />
      <LiveUpdates url={decisionLiveUrl(teamId, decision.id)} after={view.lastEventId} phase={decision.status} />
      <div className="space-y-6">
        <Thread
          teamId={teamId}
          decisionId={decision.id}
          optionId={data.option.id}
          title={`Discussion of ${data.option.name}`}
          comments={data.thread.comments}
          earlierHref={earlierCommentsHref(here, data.thread)}
          userId={view.actor.userId}
          now={view.now}
          mayComment={canOnDecision(access.role, access.facilitates, "decision.vote")}
          sealed={data.sealed}
        />
        <EvidenceList evidence={data.evidence} sealed={data.sealed} anonymous={decision.anonymous} />
      </div>
    </>
  );
}
