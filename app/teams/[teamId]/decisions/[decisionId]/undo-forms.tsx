"use client";

import { useActionState, useId } from "react";
import { ActionForm, FormMessage, initialFormState, SubmitButton } from "@/app/_components/form";
import { weightsSetAside } from "@/lib/domain/undo";
import { returnToDraftAction } from "./actions/return-to-draft";
import { withdrawSheetAction } from "./actions/withdraw-sheet";

// Taking a step back. Each form asks for a ticked box before it sends, which works without
// JavaScript too: the box is required, and the server refuses the form without it.

type Ref = { teamId: string; decisionId: string };

function ConfirmBox({ label }: { label: string }) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <input id={id} type="checkbox" name="confirm" required className="mt-1 size-4 shrink-0 accent-brand-600" />
      <label htmlFor={id} className="text-sm">
        {label}
      </label>
    </div>
  );
}

export function ReturnToDraftForm({ teamId, decisionId, weighted }: Ref & { weighted: number }) {
  const [state, action] = useActionState(returnToDraftAction, initialFormState);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Back to draft to fix options or criteria…</summary>
      <ActionForm action={action} className="mt-3 space-y-3">
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="decisionId" value={decisionId} />
        <input type="hidden" name="setAside" value={weighted} />
        <p className="text-slate-600 dark:text-slate-400">
          Weighting closes while you edit. Everyone weights again once you reopen it; the timeline records the step.
        </p>
        <ConfirmBox
          label={
            weighted === 0
              ? "I understand weighting closes until I open it again (no weights have been given yet)."
              : `I understand the weights given so far (${weightsSetAside(weighted)}) will be set aside.`
          }
        />
        <SubmitButton variant="danger" pendingLabel="Going back…">
          Back to draft
        </SubmitButton>
        <FormMessage state={state} />
      </ActionForm>
    </details>
  );
}

export function WithdrawSheetForm({ teamId, decisionId, kind }: Ref & { kind: "weights" | "scores" }) {
  const [state, action] = useActionState(withdrawSheetAction, initialFormState);
  const phase = kind === "weights" ? "weighting" : "scoring";
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Withdraw my {kind}…</summary>
      <ActionForm action={action} className="mt-3 space-y-3">
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="decisionId" value={decisionId} />
        <input type="hidden" name="kind" value={kind} />
        <ConfirmBox label={`I want to take back my ${kind}. They will no longer count, and I can give them again while ${phase} is open.`} />
        <SubmitButton variant="secondary" pendingLabel="Withdrawing…">
          Withdraw my {kind}
        </SubmitButton>
        <FormMessage state={state} />
      </ActionForm>
    </details>
  );
}
