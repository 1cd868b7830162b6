import type { Metadata } from "next";
import { progress } from "@/db/queries/ballots";
import { facilitatorName, findDecision, listDecisions, loadStructure } from "@/db/queries/decisions";
import { listDecisionEvents } from "@/db/queries/events";
import { can, VOTING_ROLES } from "@/lib/auth/roles";
import { getOutcome } from "@/lib/services/outcomes";
import { isClosed, pendingTransitionEvents } from "@/lib/domain/phases";
import { ExportLinks } from "./export-links";
import { FacilitateSection } from "./facilitate-section";
import { HeaderSection } from "./header-section";
import { loadDecisionPage } from "./load";
import { ProgressSection } from "./progress-section";
import { RecordSection } from "./record-section";
import { StructureSection } from "./structure-section";
import { TimelineSection } from "./timeline-section";
import { YourPartSection } from "./your-part-section";

export const metadata: Metadata = { title: "Decision" };

export default async function DecisionPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string; decisionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { view, db, user, access, decision, teamId, base } = await loadDecisionPage(params);
  const [structure, votes, recorded, facilitator, outcome, flags] = await Promise.all([
    loadStructure(db, decision.id),
    progress(db, teamId, decision.id, decision.currentRound, VOTING_ROLES),
    listDecisionEvents(db, teamId, decision.id),
    facilitatorName(db, decision),
    decision.status === "decided" ? getOutcome(db, decision.id) : Promise.resolve(null),
    searchParams,
  ]);
  const [supersededBy, candidates] = await Promise.all([
    decision.supersededById ? findDecision(db, teamId, decision.supersededById) : Promise.resolve(null),
    decision.status === "decided" && !decision.supersededById && access.facilitates ? listDecisions(db, teamId, { status: "decided" }) : Promise.resolve([]),
  ]);
  const timeline = [...recorded, ...pendingTransitionEvents(view.pendingTransitions)];
  const supersedes = timeline.filter((e) => e.type === "decision.supersedes");
  const me = votes.voters.find((v) => v.userId === user.id);

  return (
    <>
      <HeaderSection
        decision={decision}
        teamId={teamId}
        base={base}
        facilitator={facilitator}
        superseded={Boolean(supersededBy)}
        facilitates={access.facilitates}
        justDecided={Boolean(flags.decided)}
      />

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          {outcome ? (
            <RecordSection decision={decision} outcome={outcome} teamId={teamId} base={base} supersededBy={supersededBy} supersedes={supersedes} />
          ) : null}
          <StructureSection context={decision.context} structure={structure} />
          <TimelineSection timeline={timeline} />
        </div>

        <aside className="space-y-6" aria-label="Taking part">
          {!isClosed(decision.status) || decision.status === "decided" ? (
            <YourPartSection
              base={base}
              status={decision.status}
              mayVote={can(access.role, "decision.vote")}
              weighted={me?.weighted ?? false}
              scored={me?.scored ?? false}
            />
          ) : null}
          <ProgressSection decision={decision} votes={votes} />
          {access.facilitates ? (
            <FacilitateSection
              decision={decision}
              teamId={teamId}
              base={base}
              candidates={candidates.filter((c) => c.id !== decision.id && !c.supersededById)}
            />
          ) : null}
          <ExportLinks base={base} status={decision.status} />
        </aside>
      </div>
    </>
  );
}
