import "server-only";
import { decisionOverview } from "../../../db/queries/decisions";
import { listThread } from "../../../db/queries/comments";
import { listDecisionEventsBefore } from "../../../db/queries/events";
import { progressPage } from "../../../db/queries/progress";
import { VOTING_ROLES } from "../../auth/roles";
import { pendingTransitionEvents } from "../../domain/phases";
import type { DecisionPageQuery } from "../../validation/page-query";
import type { DecisionView } from "../access";
import { reminderCardState } from "../reminders";
import { reviewSummary } from "../reviews";
import { pageInfo, pageWindow } from "./paging";

// The decision page: what it shows, read in four queries after the access check (five for a recorded decision, with its reviews) however many
// members, events or decisions the team has. The timeline and the list of voters come a page at a time.

export const TIMELINE_PAGE = 40;
export const VOTERS_PAGE = 40;
/** Decided decisions offered to supersede this one: the most recent, which is where a successor is. */
export const SUPERSEDE_CANDIDATES = 50;
const SUPERSEDES_SHOWN = 50;
const AMENDMENTS_SHOWN = 100;
export const COMMENTS_PAGE = 30;

export async function decisionPageData(view: DecisionView, query: DecisionPageQuery) {
  const { db, teamId, decision } = view;
  const offersSuccessors = decision.status === "decided" && !decision.supersededById && view.facilitates;
  const commentsBefore = query.commentsBefore ? new Date(query.commentsBefore) : undefined;
  const [overview, progress, timeline, discussion, reminders, review] = await Promise.all([
    decisionOverview(db, decision, { candidates: offersSuccessors ? SUPERSEDE_CANDIDATES : 0, supersedes: SUPERSEDES_SHOWN, amendments: AMENDMENTS_SHOWN }),
    progressPage(
      db,
      { teamId, decisionId: decision.id, round: decision.currentRound, userId: view.actor.userId },
      VOTING_ROLES,
      pageWindow(query.voters, VOTERS_PAGE),
    ),
    listDecisionEventsBefore(db, teamId, decision.id, { before: query.before, limit: TIMELINE_PAGE }),
    listThread(db, { teamId, decisionId: decision.id, optionId: null }, { limit: COMMENTS_PAGE, before: commentsBefore }),
    // The facilitator's reminder card, while a phase is open: null otherwise, without a query.
    reminderCardState(view),
    // A recorded decision's reviews (issue 12, part 3): one statement more.
    decision.status === "decided" ? reviewSummary(db, teamId, decision.id, view.actor.userId) : null,
  ]);
  // Decisions are never deleted; the access check has just read this one.
  if (!overview) return null;
  const latest = query.before === undefined;
  return {
    ...overview,
    reminders,
    review,
    progress: { ...progress, ...pageInfo(query.voters, VOTERS_PAGE, progress.eligible) },
    discussion,
    timeline: {
      // Phase changes the deadlines made that no write has recorded yet are the newest entries.
      events: latest ? [...timeline.events, ...pendingTransitionEvents(view.pendingTransitions)] : timeline.events,
      /** The oldest event shown, when there are earlier ones: where "Show earlier" continues from. */
      earlierBefore: timeline.hasEarlier ? timeline.events[0]?.id : undefined,
      latest,
    },
  };
}

export type DecisionPageData = NonNullable<Awaited<ReturnType<typeof decisionPageData>>>;
