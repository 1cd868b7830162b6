import "server-only";
import type { Db, Executor } from "../../db/client";
import { loadStructure } from "../../db/queries/decisions";
import { appendEvent } from "../../db/queries/events";
import { claimDueReviews, isReviewer, markReviewsAnnounced, reviewBoard, saveReviewRows } from "../../db/queries/reviews";
import type { Decision } from "../../db/schema";
import { VOTING_ROLES } from "../auth/roles";
import { calendarDayIn, compareReview, defaultReviewDue, REVIEW_MISS_THRESHOLD, startOfDayIn } from "../domain/review";
import { AppError, ConflictError, ForbiddenError } from "../errors";
import type { ReviewInput } from "../validation/review";
import type { DecisionContext } from "./access";
import { changeDecision } from "./decision-change";

// Looking back at a recorded decision (issue 12, part 3): its review date, the worker announcing
// that the date has come, each reviewer's review, and what they add up to for the decision and the team.

/** Decisions announced per worker step; the rest wait for the next one. */
export const REVIEWS_ANNOUNCED_PER_STEP = 50;

export const NOT_A_REVIEWER = "Only the facilitator and those who scored in the deciding round review this decision.";

/**
 * When a review chosen as a calendar day falls due: the first moment of that day in the reader's
 * zone. Unchosen, six months after `now`. A day before today is refused: a review date is ahead.
 */
export function reviewDueAtFor(reviewOn: string | undefined, zone: string, now: Date): Date {
  if (!reviewOn) return defaultReviewDue(now);
  if (reviewOn < calendarDayIn(now, zone)) {
    throw new AppError("Choose a review date from today on.", { reviewOn: "Choose a review date from today on" });
  }
  return startOfDayIn(reviewOn, zone);
}

/** Moves the review date of a recorded decision; a date that had come and is moved is announced again when the new one comes. */
export async function setReviewDate(ctx: DecisionContext<"decision.run">, input: { reviewOn: string; zone: string }) {
  const due = reviewDueAtFor(input.reviewOn, input.zone, ctx.now);
  await changeDecision(ctx, {
    refusal: (d) => (d.status === "decided" ? null : "Only a recorded decision has a review date."),
    set: { reviewDueAt: due, reviewAnnouncedAt: null },
    event: { type: "decision.review_date_set", payload: { reviewDueAt: due.toISOString() } },
  });
  return due;
}

/**
 * One worker step: each decided decision whose review date has passed gets one "decision.review_due"
 * event, which the notifications fan-out turns into a note to each reviewer. The rows are claimed with
 * FOR UPDATE SKIP LOCKED and marked in the same transaction, so several workers never announce one twice.
 */
export async function announceDueReviews(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await claimDueReviews(tx, now, REVIEWS_ANNOUNCED_PER_STEP);
    for (const decision of due) {
      await appendEvent(tx, {
        at: now,
        teamId: decision.teamId,
        decisionId: decision.id,
        actorId: null,
        type: "decision.review_due",
        payload: { reviewDueAt: decision.reviewDueAt?.toISOString() ?? null },
      });
    }
    await markReviewsAnnounced(
      tx,
      due.map((d) => d.id),
      now,
    );
    return due.length;
  });
}

/** Whether the review of a decision is open now: recorded, and its date has come. */
export function reviewOpen(decision: Pick<Decision, "status" | "reviewDueAt">, now: Date): boolean {
  return decision.status === "decided" && decision.reviewDueAt !== null && decision.reviewDueAt.getTime() <= now.getTime();
}

export async function mayReview(db: Executor, teamId: string, decisionId: string, userId: string) {
  return isReviewer(db, teamId, decisionId, userId, VOTING_ROLES);
}

/** Saves, or replaces, the actor's own review. */
export async function saveReview(ctx: DecisionContext<"decision.view">, input: Pick<ReviewInput, "scores" | "learned">) {
  const { tx, decision, now } = ctx;
  if (decision.status !== "decided") throw new ConflictError("Only a recorded decision can be reviewed.");
  if (!reviewOpen(decision, now)) throw new ConflictError("This decision's review has not opened yet.");
  if (!(await mayReview(tx, ctx.teamId, decision.id, ctx.actor.userId))) throw new ForbiddenError(NOT_A_REVIEWER);
  const { criteria } = await loadStructure(tx, decision.id);
  const known = new Set(criteria.map((c) => c.id));
  const unknown = Object.keys(input.scores).find((id) => !known.has(id));
  if (unknown) throw new AppError("Score only this decision's criteria.", { [`scores.${unknown}`]: "Unknown criterion" });
  const board = await reviewBoard(tx, ctx.teamId, decision.id);
  const updated = board.reviews.some((r) => r.userId === ctx.actor.userId);
  await saveReviewRows(tx, { teamId: ctx.teamId, decisionId: decision.id, userId: ctx.actor.userId, learned: input.learned, scores: input.scores, now });
  // The history says who reviewed, never what they scored.
  await appendEvent(tx, {
    at: now,
    teamId: ctx.teamId,
    decisionId: decision.id,
    actorId: ctx.actor.userId,
    type: updated ? "review.updated" : "review.submitted",
  });
}

/**
 * A decision's reviews beside what the deciding round expected: per criterion, and what each
 * reviewer learned; and whether `userId` may review it. One statement.
 */
export async function reviewSummary(db: Executor, teamId: string, decisionId: string, userId: string) {
  const board = await reviewBoard(db, teamId, decisionId, { userId, votingRoles: VOTING_ROLES });
  return {
    mayReview: board.reviewer === true,
    own: board.reviews.find((r) => r.userId === userId) ?? null,
    chosenOptionName: board.chosenOptionName,
    comparison: compareReview(board.expectations, board.reviews),
    reviews: board.reviews,
    criteria: board.expectations,
  };
}
export type ReviewSummary = Awaited<ReturnType<typeof reviewSummary>>;

export const TRACK_RECORD_LIMITS = { due: 10, reviewed: 10, criteria: 5, threshold: REVIEW_MISS_THRESHOLD } as const;
