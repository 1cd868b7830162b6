import { notFound } from "next/navigation";
import { LiveUpdates } from "@/app/_components/live-updates";
import { decisionLiveUrl } from "@/lib/domain/live-updates";
import { BackLink, Card, PageHeader } from "@/app/_components/ui";
import { ownWeights } from "@/db/queries/ballots";
import { weightsSetAside } from "@/db/queries/withdrawals";
import { loadStructure } from "@/db/queries/decisions";
import { canOnDecision } from "@/lib/auth/roles";
import { acceptsWeights } from "@/lib/domain/phases";
import { followPageData } from "@/lib/services/pages/follow-page";
import { FollowAlong } from "../follow-along";
import { loadDecisionPage } from "../load";
import { NextStep } from "../next-step";
import { WithdrawSheetForm } from "../undo-forms";
import { WeightsSetAsideNotice } from "../your-part-section";
import { WeightSheet } from "./weight-sheet";
import { decisionPageMetadata } from "@/lib/entry/pages";

export const generateMetadata = ({ params }: { params: Promise<{ teamId: string; decisionId: string }> }) => decisionPageMetadata(params, "Weights");

export default async function WeightsPage({ params }: { params: Promise<{ teamId: string; decisionId: string }> }) {
  const { view, db, user, access, decision, teamId, base } = await loadDecisionPage(params, "/weights");
  // Someone who cannot vote gets a page to follow the weighting from, not a sheet they cannot fill in.
  if (!canOnDecision(access.role, access.facilitates, "decision.vote")) {
    const data = await followPageData(view);
    if (!data) notFound();
    return (
      <>
        <LiveUpdates url={decisionLiveUrl(teamId, decision.id)} after={view.lastEventId} phase={decision.status} />
        <FollowAlong decision={decision} base={base} sheet="weights" data={data} now={view.now} />
      </>
    );
  }
  const [structure, mine, setAside] = await Promise.all([
    loadStructure(db, decision.id),
    ownWeights(db, decision.id, user.id),
    weightsSetAside(db, { teamId, decisionId: decision.id, userId: user.id }),
  ]);
  const open = acceptsWeights(decision.status);
  const initial = Object.fromEntries(structure.criteria.map((c) => [c.id, mine.find((w) => w.criterionId === c.id)?.weight ?? 5]));
  return (
    <>
      <BackLink href={base}>{decision.title}</BackLink>
      <PageHeader
        title="How much does each criterion matter?"
        description="Give each criterion an importance from 0 to 10. Only you see your weights until the results are revealed."
      />
      <LiveUpdates
        url={decisionLiveUrl(teamId, decision.id)}
        after={view.lastEventId}
        phase={decision.status}
        sheet={open ? "weights" : undefined}
        decisionHref={`/teams/${teamId}/decisions/${decision.id}`}
      />
      {!open ? (
        <p role="status" className="mb-6 rounded-lg bg-slate-100 px-3 py-2 text-sm dark:bg-slate-800">
          {decision.status === "draft"
            ? "Weighting has not opened yet."
            : `Weighting is closed${mine.length > 0 ? ": these are the weights you submitted." : ", and you did not submit weights."}`}
        </p>
      ) : null}
      {setAside && (decision.status === "draft" || open) ? (
        <div className="mb-6">
          <WeightsSetAsideNotice status={decision.status} />
        </div>
      ) : null}
      <Card>
        <WeightSheet
          teamId={teamId}
          decisionId={decision.id}
          criteria={structure.criteria}
          initial={initial}
          readOnly={!open}
          submitted={mine.length > 0}
          afterSave={<NextStep part="weights" decision={decision} base={base} />}
        />
      </Card>
      {open && mine.length > 0 ? (
        <div className="mt-6">
          <WithdrawSheetForm teamId={teamId} decisionId={decision.id} kind="weights" />
        </div>
      ) : null}
    </>
  );
}
