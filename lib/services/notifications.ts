import "server-only";
import type { Db } from "../../db/client";
import { enqueueJobs } from "../../db/queries/jobs";
import { announceUnread, fanOutContext, insertNotifications, type NewNotification } from "../../db/queries/notifications";
import { eventsAfter, lockCursor, moveCursor } from "../../db/queries/outbox";
import { reviewersOf } from "../../db/queries/reviews";
import { can, type Role, VOTING_ROLES } from "../auth/roles";
import { NOTIFYING_EVENT_TYPES, planNotifications } from "../domain/notifications";

// The notifications fan-out. The events table is the outbox: one cursor row says how far it has
// read. A step locks that row (FOR UPDATE SKIP LOCKED, so when several servers run the worker one
// works and the others pass), reads the events after it, writes each person's notifications and
// the email jobs, and moves the cursor, all in one transaction: a step that fails or a server that
// stops half-way leaves the cursor where it was, and the unique (event, person) index keeps a
// repeated step from telling anyone twice.

export const NOTIFICATIONS_CURSOR = "notifications";
export const EMAIL_JOB = "notification.email";

export type FanOutOptions = { batch?: number };
/** `busy`: another worker holds the cursor. `waiting`: events of transactions not yet settled are left for a later step. */
export type FanOutResult = { busy: boolean; waiting: boolean; events: number; notified: number; emails: number };

const NOTIFYING = new Set<string>(NOTIFYING_EVENT_TYPES);

/** One step: handles up to `batch` events after the cursor. */
export async function fanOutEvents(db: Db, options: FanOutOptions = {}): Promise<FanOutResult> {
  const { batch = 200 } = options;
  return db.transaction(async (tx) => {
    const cursor = await lockCursor(tx, NOTIFICATIONS_CURSOR);
    if (cursor === null) return { busy: true, waiting: false, events: 0, notified: 0, emails: 0 };
    const { events: ready, waiting } = await eventsAfter(tx, cursor, batch);
    let notified = 0;
    let emails = 0;
    const told = new Set<string>();
    // Several events of one decision in a step (a phase change and its reveal) share one read of it.
    const contexts = new Map<string, ReturnType<typeof fanOutContext>>();
    for (const event of ready) {
      if (!NOTIFYING.has(event.type)) continue;
      const key = `${event.teamId}/${event.decisionId ?? ""}`;
      if (!contexts.has(key)) contexts.set(key, fanOutContext(tx, event.teamId, event.decisionId));
      const context = await contexts.get(key)!;
      const members = context.members.map((m) => ({ userId: m.userId, canVote: can(m.role as Role, "decision.vote") }));
      const reviewers =
        event.type === "decision.review_due" && event.decisionId ? await reviewersOf(tx, event.teamId, event.decisionId, VOTING_ROLES) : undefined;
      const planned = planNotifications(event, { teamName: context.teamName, decisionTitle: context.decisionTitle, members, reviewers });
      const rows: NewNotification[] = planned.map((p) => ({ ...p, teamId: event.teamId, eventId: event.id }));
      const made = await insertNotifications(tx, rows);
      const wantsEmail = new Map(context.members.map((m) => [m.userId, new Set(m.emailKinds ?? [])]));
      const mail = made.filter((n) => wantsEmail.get(n.userId)?.has(n.kind));
      await enqueueJobs(
        tx,
        mail.map((n) => ({ kind: EMAIL_JOB, payload: { notificationId: n.id } })),
      );
      for (const n of made) told.add(n.userId);
      notified += made.length;
      emails += mail.length;
    }
    // The bells of their open pages, once this commits.
    await announceUnread(tx, [...told]);
    const last = ready.at(-1);
    if (last) await moveCursor(tx, NOTIFICATIONS_CURSOR, { txid: last.txid, eventId: last.id });
    return { busy: false, waiting, events: ready.length, notified, emails };
  });
}

/** Steps until the events read so far are all handled (or another worker holds the cursor). */
export async function fanOutAll(db: Db, options: FanOutOptions = {}): Promise<FanOutResult> {
  const total: FanOutResult = { busy: false, waiting: false, events: 0, notified: 0, emails: 0 };
  for (;;) {
    const step = await fanOutEvents(db, options);
    total.busy = step.busy;
    total.waiting = step.waiting;
    total.events += step.events;
    total.notified += step.notified;
    total.emails += step.emails;
    if (step.busy || step.events < (options.batch ?? 200)) return total;
  }
}
