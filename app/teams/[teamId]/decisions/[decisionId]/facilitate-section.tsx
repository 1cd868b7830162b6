import { Link } from "@/app/_components/link";
import { buttonClass, Card, CardTitle } from "@/app/_components/ui";
import type { Decision } from "@/db/schema";
import { isClosed } from "@/lib/domain/phases";
import { canReturnToDraft } from "@/lib/domain/undo";
import { SUPERSEDE_CANDIDATES } from "@/lib/services/pages/decision-page";
import { AdvancePhaseForm, DeprecateForm, NextRoundForm, SupersedeForm, WithdrawForm } from "./phase-forms";
import { ReturnToDraftForm } from "./undo-forms";

/**
 * The facilitator's controls: moving an open decision on (or back to draft from weighting, or
 * withdrawing it), and superseding or deprecating a decided one. Renders nothing when there is nothing left to do.
 */
export function FacilitateSection({
  decision,
  teamId,
  base,
  candidates,
  weighted,
}: {
  decision: Decision;
  teamId: string;
  base: string;
  /** Decided decisions this one may be superseded by: the latest few (SUPERSEDE_CANDIDATES). */
  candidates: { id: string; title: string }[];
  /** How many members have given weights: what going back to draft would set aside. */
  weighted: number;
}) {
  return (
    <>
      {!isClosed(decision.status) ? (
        <Card aria-labelledby="facilitate-heading">
          <CardTitle id="facilitate-heading">Facilitate</CardTitle>
          <div className="space-y-4">
            {decision.status === "revealed" ? (
              <>
                <Link href={`${base}/decide`} className={buttonClass("primary")}>
                  Record the decision
                </Link>
                <NextRoundForm teamId={teamId} decisionId={decision.id} round={decision.currentRound} />
              </>
            ) : (
              <AdvancePhaseForm teamId={teamId} decisionId={decision.id} status={decision.status} />
            )}
            {canReturnToDraft(decision.status) ? <ReturnToDraftForm teamId={teamId} decisionId={decision.id} weighted={weighted} /> : null}
            <WithdrawForm teamId={teamId} decisionId={decision.id} />
          </div>
        </Card>
      ) : null}

      {decision.status === "decided" && (!decision.supersededById || !decision.deprecatedAt) ? (
        <Card aria-labelledby="lifecycle-heading">
          <CardTitle id="lifecycle-heading">Later on</CardTitle>
          <div className="space-y-4">
            {!decision.supersededById ? (
              <div className="space-y-1">
                <SupersedeForm teamId={teamId} decisionId={decision.id} candidates={candidates} />
                {candidates.length >= SUPERSEDE_CANDIDATES ? (
                  <p className="text-xs text-slate-500 dark:text-slate-400">The {SUPERSEDE_CANDIDATES} most recently started decided decisions are listed.</p>
                ) : null}
              </div>
            ) : null}
            {!decision.deprecatedAt ? <DeprecateForm teamId={teamId} decisionId={decision.id} /> : null}
          </div>
        </Card>
      ) : null}
    </>
  );
}
