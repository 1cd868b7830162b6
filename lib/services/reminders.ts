import "server-only";
import type { Db, Tx } from "../../db/client";
import { progress } from "../../db/queries/ballots";
import { appendEvent } from "../../db/queries/events";
import { decisionsNearDeadline, lastManualReminderAt, lockDecisionIfFree, phaseReminders, reminderCard } from "../../db/queries/reminders";
import type { Decision } from "../../db/schema";
import { VOTING_ROLES } from "../auth/roles";
import { dueTransitions, STATUS_LABELS } from "../domain/phases";
import {
  AUTOMATIC_HORIZON_MS,
  dueAutomaticReminder,
  nextManualReminderAt,
  people,
  REMINDER_EVENT,
  type ReminderPhase,
  type ReminderTrigger,
  reminderPhase,
  timeAgo,
  whoToRemind,
} from "../domain/reminders";
import { formatMoment } from "../domain/time-format";
import { ConflictError } from "../errors";
import type { DecisionContext, DecisionView } from "./access";
import type { ClockStepOptions } from "./deadline-jobs";
import { recordDeadlineTransitions } from "./decision-change";

// Reminders to those who have not submitted in the open phase. Each is a "reminder.sent" event
// naming its recipients; the notifications fan-out turns it into their notifications and emails.

async function recipientsOf(tx: Tx, decision: Decision, phase: ReminderPhase, sender: string | null): Promise<string[]> {
  const { voters } = await progress(tx, decision.teamId, decision.id, decision.currentRound, VOTING_ROLES);
  return whoToRemind(voters, phase, sender);
}

async function recordReminder(
  tx: Tx,
  decision: Decision,
  reminder: { phase: ReminderPhase; trigger: ReminderTrigger; recipients: string[] },
  sent: { at: Date; by: string | null },
) {
  await appendEvent(tx, {
    at: sent.at,
    teamId: decision.teamId,
    decisionId: decision.id,
    actorId: sent.by,
    type: REMINDER_EVENT,
    payload: { phase: reminder.phase, round: decision.currentRound, trigger: reminder.trigger, recipients: reminder.recipients },
  });
}

/**
 * The facilitator reminds everyone who has not given the open phase's sheet. At most once an hour
 * per decision: the decision row is locked by the wrapper (FOR UPDATE), so two clicks at once run
 * one after the other and the second finds the first's event. `zone` words the refusal's time.
 */
export async function remindAwaited(ctx: DecisionContext<"decision.run">, zone: string): Promise<{ count: number }> {
  const phase = reminderPhase(ctx.decision.status);
  if (!phase)
    throw new ConflictError(`Reminders go out while weighting or scoring is open; this decision is now ${STATUS_LABELS[ctx.decision.status].toLowerCase()}.`);
  const last = await lastManualReminderAt(ctx.tx, ctx.decision.id);
  const next = nextManualReminderAt(last, ctx.now);
  if (last && next) {
    throw new ConflictError(
      `A reminder went out ${timeAgo(last, ctx.now)}; you can remind again at ${formatMoment(next, zone, { show: "time", withZone: true })}.`,
    );
  }
  const recipients = await recipientsOf(ctx.tx, ctx.decision, phase, ctx.actor.userId);
  if (recipients.length === 0) throw new ConflictError(`Everyone has given their ${phase === "weighting" ? "weights" : "scores"}: there is nobody to remind.`);
  await recordReminder(ctx.tx, ctx.decision, { phase, trigger: "manual", recipients }, { at: ctx.now, by: ctx.actor.userId });
  return { count: recipients.length };
}

type CardBase = { phase: ReminderPhase; /** Whether the phase has a deadline, so automatic reminders too. */ automatic: boolean };
export type ReminderCardState = CardBase &
  (
    | { state: "nobody"; last: string | null }
    | { state: "ready"; awaiting: number; last: string | null }
    | { state: "wait"; awaiting: number; last: string; nextAt: Date }
  );

/** What the facilitator's reminder card says; null when no phase is open (or the viewer does not run the decision). */
export async function reminderCardState(view: DecisionView): Promise<ReminderCardState | null> {
  const phase = reminderPhase(view.decision.status);
  if (!phase || !view.facilitates) return null;
  const card = await reminderCard(
    view.db,
    { teamId: view.teamId, decisionId: view.decision.id, round: view.decision.currentRound, phase, viewerId: view.actor.userId },
    VOTING_ROLES,
  );
  const last = card.last ? `Last reminder sent ${timeAgo(card.last.at, view.now)} to ${people(card.last.count)}.` : null;
  const base = { phase, automatic: (phase === "weighting" ? view.decision.weightingDeadline : view.decision.scoringDeadline) !== null };
  if (card.awaiting === 0) return { ...base, state: "nobody", last };
  const nextAt = nextManualReminderAt(card.last?.at ?? null, view.now);
  if (nextAt && last) return { ...base, state: "wait", awaiting: card.awaiting, last, nextAt };
  return { ...base, state: "ready", awaiting: card.awaiting, last };
}

/**
 * A worker step: the automatic reminders due at `now`, 24 hours and 1 hour before each open
 * phase's deadline (see dueAutomaticReminder for which windows are skipped). Each decision in its
 * own transaction with its row locked (SKIP LOCKED: a decision another worker or a write holds is
 * left for the next step), so with several workers each reminder is sent once: the second reads
 * the first's event. Returns how many reminders were sent.
 */
export async function sendDueReminders(db: Db, options: ClockStepOptions = {}): Promise<number> {
  const { now = new Date(), limit = 100, teamId } = options;
  let sent = 0;
  for (const decisionId of await decisionsNearDeadline(db, now, AUTOMATIC_HORIZON_MS, { limit, teamId })) {
    const did = await db.transaction(async (tx) => {
      let decision = await lockDecisionIfFree(tx, decisionId);
      if (!decision) return false;
      // A deadline passed since the candidates were read: record it first, so the phase is the real one.
      if (dueTransitions(decision, now).length > 0) decision = await recordDeadlineTransitions(tx, decision, now);
      const phase = reminderPhase(decision.status);
      if (!phase) return false;
      const { openedAt, sent: already } = await phaseReminders(tx, decision.id, phase);
      const trigger = dueAutomaticReminder({
        deadline: phase === "weighting" ? decision.weightingDeadline : decision.scoringDeadline,
        // A phase no event opened (data written by hand) counts as open since the decision was made.
        openedAt: openedAt ?? decision.createdAt,
        now,
        sent: already as ReminderTrigger[],
      });
      if (!trigger) return false;
      const recipients = await recipientsOf(tx, decision, phase, null);
      // Nobody left: nothing is recorded, so someone who withdraws their sheet later in the window is still reminded.
      if (recipients.length === 0) return false;
      await recordReminder(tx, decision, { phase, trigger, recipients }, { at: now, by: null });
      return true;
    });
    if (did) sent += 1;
  }
  return sent;
}
