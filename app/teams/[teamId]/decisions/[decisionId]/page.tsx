import { Link } from "@/app/_components/link";
import { notFound } from "next/navigation";
import { LiveUpdates } from "@/app/_components/live-updates";
import { decisionLiveUrl } from "@/lib/domain/live-updates";
import { ForgetNoticeFlags } from "@/app/_components/one-time-notice";
import { pageHref, pageParam } from "@/app/_components/pager";
import { SuccessNotice } from "@/app/_components/ui";
import { canOnDecision } from "@/lib/auth/roles";
import { isClosed } from "@/lib/domain/phases";
import { decisionPageData } from "@/lib/services/pages/decision-page";
import { decisionPageQuery } from "@/lib/validation/page-query";
import { ExportLinks } from "./export-links";
import { FacilitateSection } from "./facilitate-section";
import { HeaderSection } from "./header-section";
import { loadDecisionPage } from "./load";
import { ProgressSection } from "./progress-section";
import { RecordSection } from "./record-section";
import { earlierCommentsHref, Thread } from "./discussion/thread";
import { RemindSection } from "./remind-section";
import { ReviewSection } from "./review-section";
import { StructureSection } from "./structure-section";
import { TimelineSection } from "./timeline-section";
import { YourPartSection } from "./your-part-section";
import { decisionPageMetadata } from "@/lib/entry/pages";

export const generateMetadata = ({ params }: { params: Promise<{ teamId: string; decisionId: string }> }) => decisionPageMetadata(params);

export default async function DecisionPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string; decisionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { view, access, decision, teamId, base } = await loadDecisionPage(params);
  const flags = await searchParams;
  const query = decisionPageQuery(flags);
  const data = await decisionPageData(view, query);
  if (!data) notFound();
  // Each list keeps the other's place, so paging the voters does not lose the timeline's, and back.
  const timelineHref = (before?: number) => pageHref(base, { before, voters: pageParam(query.voters) }, "timeline-heading");
  const votersHref = (voters: number) => pageHref(base, { before: query.before, voters: pageParam(voters) }, "progress-heading");

  return (
    <>
      <HeaderSection
        decision={decision}
        teamId={teamId}
        base={base}
        facilitator={data.facilitatorName}
        superseded={Boolean(data.supersededBy)}
        facilitates={access.facilitates}
        justDecided={Boolean(flags.decided)}
      />
      <LiveUpdates url={decisionLiveUrl(teamId, decision.id)} after={view.lastEventId} phase={decision.status} />

      {flags.withdrew || flags.decided ? <ForgetNoticeFlags names={["withdrew", "decided"]} /> : null}
      {flags.withdrew === "weights" || flags.withdrew === "scores" ? (
        <SuccessNotice className="mb-6">
          You withdrew your {flags.withdrew}: they no longer count, and you can give them again while {flags.withdrew === "weights" ? "weighting" : "scoring"}{" "}
          is open.
        </SuccessNotice>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          {data.outcome ? (
            <RecordSection
              decision={decision}
              outcome={data.outcome}
              teamId={teamId}
              base={base}
              supersededBy={data.supersededBy}
              supersedes={data.supersedes}
              mayAmend={access.facilitates}
            />
          ) : null}
          {data.review ? (
            <ReviewSection decision={decision} teamId={teamId} base={base} summary={data.review} now={view.now} mayChangeDate={access.facilitates} />
          ) : null}
          <StructureSection
            context={data.outcome && data.outcome.record.context.trim() === decision.context.trim() ? null : decision.context}
            options={data.options}
            criteria={data.criteria}
          />
          <Thread
            teamId={teamId}
            decisionId={decision.id}
            optionId={null}
            title="Discussion"
            comments={data.discussion.comments}
            earlierHref={earlierCommentsHref(base, data.discussion)}
            userId={view.actor.userId}
            now={view.now}
            mayComment={canOnDecision(access.role, access.facilitates, "decision.vote")}
            sealed={decision.status !== "revealed" && decision.status !== "decided"}
          >
            {decision.status !== "draft" && data.options.length > 0 ? (
              <p className="mb-4 text-sm">
                Each option has its own thread:{" "}
                {data.options.map((option, i) => (
                  <span key={option.id}>
                    {i > 0 ? " · " : ""}
                    <Link href={`${base}/options/${option.id}`} className="text-brand-600 underline dark:text-brand-100">
                      {option.name}
                    </Link>
                  </span>
                ))}
              </p>
            ) : null}
          </Thread>
          <TimelineSection timeline={data.timeline} href={timelineHref} />
        </div>

        <aside className="min-w-0 space-y-6" aria-label="Taking part">
          {!isClosed(decision.status) || decision.status === "decided" ? (
            <YourPartSection
              teamId={teamId}
              decisionId={decision.id}
              base={base}
              clock={decision}
              mayVote={canOnDecision(access.role, access.facilitates, "decision.vote")}
              weighted={data.progress.me.weighted}
              scored={data.progress.me.scored}
              weightsSetAside={data.progress.me.weightsSetAside}
            />
          ) : null}
          <ProgressSection decision={decision} progress={data.progress} href={votersHref} now={view.now} />
          {data.reminders ? <RemindSection teamId={teamId} decisionId={decision.id} card={data.reminders} /> : null}
          {access.facilitates ? (
            <FacilitateSection decision={decision} teamId={teamId} base={base} candidates={data.candidates} weighted={data.progress.weighted} />
          ) : null}
          <ExportLinks base={base} status={decision.status} />
        </aside>
      </div>
    </>
  );
}
