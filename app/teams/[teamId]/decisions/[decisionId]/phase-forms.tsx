"use client";

import { useActionState, useId } from "react";
import { ActionForm, FormMessage, initialFormState, SubmitButton } from "@/app/_components/form";
import { inputClass } from "@/app/_components/ui";
import type { DecisionStatus } from "@/lib/domain/phases";
import { needsConfirmation } from "@/lib/validation/confirmation";
import { advancePhaseAction } from "./actions/advance-phase";
import { deprecateAction } from "./actions/deprecate";
import { openNextRoundAction } from "./actions/open-next-round";
import { supersedeAction } from "./actions/supersede";
import { withdrawAction } from "./actions/withdraw";

const ADVANCE_LABEL: Partial<Record<DecisionStatus, { label: string; confirm: string }>> = {
  draft: { label: "Open weighting", confirm: "Open weighting? Options and criteria can no longer be changed." },
  weighting: { label: "Close weighting and open scoring", confirm: "Close weighting? Members can no longer change their weights." },
  scoring: { label: "Close scoring and reveal results", confirm: "Reveal the results? Scoring closes and everyone sees the outcome." },
};

type Ref = { teamId: string; decisionId: string };

export function AdvancePhaseForm({ teamId, decisionId, status }: Ref & { status: DecisionStatus }) {
  const [state, action] = useActionState(advancePhaseAction, initialFormState);
  const step = ADVANCE_LABEL[status];
  if (!step) return null;
  return (
    <ActionForm action={action} confirmMessage={step.confirm} className="space-y-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <input type="hidden" name="from" value={status} />
      <SubmitButton pendingLabel="Moving on…">{step.label}</SubmitButton>
      <FormMessage state={state} />
    </ActionForm>
  );
}

export function NextRoundForm({ teamId, decisionId, round }: Ref & { round: number }) {
  const [state, action] = useActionState(openNextRoundAction, initialFormState);
  return (
    <ActionForm
      action={action}
      confirmMessage={`Open scoring round ${round + 1}? Members re-score with this round's spread in view; the results stay sealed until you reveal again.`}
      className="space-y-2"
    >
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <input type="hidden" name="round" value={round} />
      <SubmitButton variant="secondary" pendingLabel="Opening…">
        Open another scoring round
      </SubmitButton>
      <p className="text-xs text-slate-500 dark:text-slate-400">For when the team is split: everyone re-scores having seen where they disagree.</p>
      <FormMessage state={state} />
    </ActionForm>
  );
}

export function WithdrawForm({ teamId, decisionId }: Ref) {
  const [state, action] = useActionState(withdrawAction, initialFormState);
  const reasonId = useId();
  return (
    // Open again when the form has something to say (an error, or without JavaScript its question), with the reason kept.
    <details className="text-sm" open={state.message || needsConfirmation(state) ? true : undefined}>
      <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Withdraw this decision…</summary>
      <ActionForm action={action} confirmMessage="Withdraw this decision? It cannot be reopened." className="mt-3 space-y-2">
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="decisionId" value={decisionId} />
        <label htmlFor={reasonId} className="block font-medium">
          Reason (optional)
        </label>
        <input id={reasonId} name="reason" maxLength={500} defaultValue={state.values?.reason} className={inputClass} />
        <SubmitButton variant="danger" pendingLabel="Withdrawing…">
          Withdraw decision
        </SubmitButton>
        <FormMessage state={state} />
      </ActionForm>
    </details>
  );
}

export function SupersedeForm({ teamId, decisionId, candidates }: Ref & { candidates: { id: string; title: string }[] }) {
  const [state, action] = useActionState(supersedeAction, initialFormState);
  const selectId = useId();
  if (candidates.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No other decided decision could supersede this one yet.</p>;
  return (
    <ActionForm action={action} className="space-y-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <label htmlFor={selectId} className="block text-sm font-medium">
        Superseded by
      </label>
      <div className="flex flex-wrap gap-2">
        <select id={selectId} name="supersededById" className={`${inputClass} w-auto min-w-0 flex-1`}>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Mark superseded
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </ActionForm>
  );
}

export function DeprecateForm({ teamId, decisionId }: Ref) {
  const [state, action] = useActionState(deprecateAction, initialFormState);
  return (
    <ActionForm action={action} confirmMessage="Mark this decision deprecated? It stays in the record." className="space-y-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Mark deprecated
      </SubmitButton>
      <FormMessage state={state} />
    </ActionForm>
  );
}
