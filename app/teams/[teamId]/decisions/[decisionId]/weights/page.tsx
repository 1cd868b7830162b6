import type { Metadata } from "next";
import { BackLink, Card, PageHeader } from "@/app/_components/ui";
import { ownWeights } from "@/db/queries/ballots";
import { weightsSetAside } from "@/db/queries/withdrawals";
import { loadStructure } from "@/db/queries/decisions";
import { can } from "@/lib/auth/roles";
import { acceptsWeights } from "@/lib/domain/phases";
import { loadDecisionPage } from "../load";
import { WithdrawSheetForm } from "../undo-forms";
import { WeightsSetAsideNotice } from "../your-part-section";
import { WeightSheet } from "./weight-sheet";

export const metadata: Metadata = { title: "Your weights" };

export default async function WeightsPage({ params }: { params: Promise<{ teamId: string; decisionId: string }> }) {
  const { db, user, access, decision, teamId, base } = await loadDecisionPage(params, "/weights");
  const [structure, mine, setAside] = await Promise.all([
    loadStructure(db, decision.id),
    ownWeights(db, decision.id, user.id),
    weightsSetAside(db, { teamId, decisionId: decision.id, userId: user.id }),
  ]);
  const mayVote = can(access.role, "decision.vote");
  const open = acceptsWeights(decision.status) && mayVote;
  const initial = Object.fromEntries(structure.criteria.map((c) => [c.id, mine.find((w) => w.criterionId === c.id)?.weight ?? 5]));
  return (
    <>
      <BackLink href={base}>{decision.title}</BackLink>
      <PageHeader
        title="How much does each criterion matter?"
        description="Give each criterion an importance from 0 to 10. Only you see your weights until the results are revealed."
      />
      {!mayVote ? (
        <p role="alert" className="mb-6 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          Viewers follow along without voting.
        </p>
      ) : !open ? (
        <p role="status" className="mb-6 rounded-lg bg-slate-100 px-3 py-2 text-sm dark:bg-slate-800">
          Weighting is closed{mine.length > 0 ? ": these are the weights you submitted." : ", and you did not submit weights."}
        </p>
      ) : null}
      {setAside && mayVote && (decision.status === "draft" || open) ? (
        <div className="mb-6">
          <WeightsSetAsideNotice status={decision.status} />
        </div>
      ) : null}
      <Card>
        <WeightSheet teamId={teamId} decisionId={decision.id} criteria={structure.criteria} initial={initial} readOnly={!open} submitted={mine.length > 0} />
      </Card>
      {open && mine.length > 0 ? (
        <div className="mt-6">
          <WithdrawSheetForm teamId={teamId} decisionId={decision.id} kind="weights" />
        </div>
      ) : null}
    </>
  );
}
