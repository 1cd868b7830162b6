import "server-only";
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Role } from "../../lib/domain/roles";
import type { Executor } from "../client";
import { decisionReviews, decisions, reviewScores, teams } from "../schema";
import { jsonList } from "./json";
import { rowsOf } from "./rows";

const parse = <T>(value: unknown): T[] => (typeof value === "string" ? JSON.parse(value) : ((value as T[] | null) ?? []));

// Reviews of recorded decisions, and who may give them: the facilitator and whoever submitted scores
// in the deciding round (the decision's last round), while their role in the team still lets them vote.

const reviewerIds = (teamId: string, decisionId: string, votingRoles: readonly Role[]) => sql`
  select m.user_id from memberships m
  where m.team_id = ${teamId} and m.role in (${sql.join(
    votingRoles.map((r) => sql`${r}`),
    sql`, `,
  )})
    and (m.user_id = (select d.facilitator_id from decisions d where d.id = ${decisionId} and d.team_id = ${teamId})
         or exists (select 1 from ballots b join decisions d on d.id = b.decision_id
                    where b.decision_id = ${decisionId} and d.team_id = ${teamId} and b.kind = 'scores' and b.round = d.current_round and b.user_id = m.user_id))`;

/** Everyone who may review the decision now. */
export async function reviewersOf(db: Executor, teamId: string, decisionId: string, votingRoles: readonly Role[]): Promise<string[]> {
  const rows = await rowsOf<{ user_id: string }>(db, reviewerIds(teamId, decisionId, votingRoles));
  return rows.map((r) => r.user_id);
}

export async function isReviewer(db: Executor, teamId: string, decisionId: string, userId: string, votingRoles: readonly Role[]): Promise<boolean> {
  const rows = await rowsOf<{ user_id: string }>(db, sql`select user_id from (${reviewerIds(teamId, decisionId, votingRoles)}) r where r.user_id = ${userId}`);
  return rows.length > 0;
}

/**
 * Decided decisions whose review date has come and not yet been announced, locked: FOR UPDATE SKIP
 * LOCKED, so with several workers each decision goes to one of them, and a decision a facilitator is
 * changing just now waits for the next step.
 */
export async function claimDueReviews(db: Executor, now: Date, limit: number) {
  return db
    .select({ id: decisions.id, teamId: decisions.teamId, title: decisions.title, reviewDueAt: decisions.reviewDueAt })
    .from(decisions)
    .where(and(eq(decisions.status, "decided"), isNull(decisions.reviewAnnouncedAt), lte(decisions.reviewDueAt, now)))
    .orderBy(asc(decisions.reviewDueAt))
    .limit(limit)
    .for("update", { skipLocked: true });
}

export async function markReviewsAnnounced(db: Executor, decisionIds: string[], now: Date) {
  if (decisionIds.length === 0) return;
  await db.update(decisions).set({ reviewAnnouncedAt: now }).where(inArray(decisions.id, decisionIds));
}

export async function saveReviewRows(
  db: Executor,
  review: { teamId: string; decisionId: string; userId: string; learned: string; scores: Record<string, number>; now: Date },
) {
  await db
    .insert(decisionReviews)
    .values({
      teamId: review.teamId,
      decisionId: review.decisionId,
      userId: review.userId,
      learned: review.learned,
      createdAt: review.now,
      updatedAt: review.now,
    })
    .onConflictDoUpdate({ target: [decisionReviews.decisionId, decisionReviews.userId], set: { learned: review.learned, updatedAt: review.now } });
  await db.delete(reviewScores).where(and(eq(reviewScores.decisionId, review.decisionId), eq(reviewScores.userId, review.userId)));
  const cells = Object.entries(review.scores).map(([criterionId, score]) => ({ decisionId: review.decisionId, userId: review.userId, criterionId, score }));
  if (cells.length > 0) await db.insert(reviewScores).values(cells);
}

export type StoredReview = { userId: string; name: string; learned: string; createdAt: Date; updatedAt: Date; scores: Record<string, number> };
export type StoredExpectation = { criterionId: string; name: string; description: string; expected: number | null };

type BoardRow = { chosen: string | null; expectations: unknown; reviews: unknown; reviewer: boolean | null };
type ReviewJson = Omit<StoredReview, "createdAt" | "updatedAt" | "scores"> & { createdAt: string; updatedAt: string; scores: Record<string, number> | null };

/**
 * In one statement: whether the viewer may review it, the chosen option's name, what the deciding round expected of the chosen option on each criterion (the
 * mean of its scores there, from the outcome's frozen snapshot), in the decision's order, and every
 * review of the decision, oldest first, each with its scores by criterion. A decision has a dozen
 * criteria and a handful of reviewers at most.
 */
export async function reviewBoard(db: Executor, teamId: string, decisionId: string, viewer?: { userId: string; votingRoles: readonly Role[] }) {
  const reviewer = viewer
    ? sql`exists (select 1 from (${reviewerIds(teamId, decisionId, viewer.votingRoles)}) r where r.user_id = ${viewer.userId})`
    : sql`null::boolean`;
  const [row] = await rowsOf<BoardRow>(
    db,
    sql`
    select ${reviewer} as reviewer,
      (select o.chosen_option_name from outcomes o join decisions d on d.id = o.decision_id
       where o.decision_id = ${decisionId} and d.team_id = ${teamId}) as chosen,
      (select json_agg(json_build_object('criterionId', c.id, 'name', c.name, 'description', c.description,
                                         'expected', (chosen.opt -> 'perCriterion' -> (c.id::text) ->> 'mean')::float8) order by c.position)
       from decisions d
       join outcomes o on o.decision_id = d.id
       cross join lateral (select opt from jsonb_array_elements(o.snapshot -> 'tally' -> 'options') opt
                           where opt ->> 'optionId' = o.chosen_option_id::text limit 1) chosen
       join criteria c on c.decision_id = d.id
       where d.id = ${decisionId} and d.team_id = ${teamId}) as expectations,
      (select json_agg(json_build_object('userId', r.user_id, 'name', u.name, 'learned', r.learned, 'createdAt', r.created_at, 'updatedAt', r.updated_at,
                                         'scores', (select json_object_agg(s.criterion_id, s.score) from review_scores s
                                                    where s.decision_id = r.decision_id and s.user_id = r.user_id))
                       order by r.created_at, r.user_id)
       from decision_reviews r join users u on u.id = r.user_id
       where r.decision_id = ${decisionId} and r.team_id = ${teamId}) as reviews`,
  );
  return {
    /** Whether `viewer` may review the decision; null when not asked. */
    reviewer: row?.reviewer ?? null,
    chosenOptionName: row?.chosen ?? null,
    expectations: parse<StoredExpectation>(row?.expectations),
    reviews: parse<ReviewJson>(row?.reviews).map((r): StoredReview => ({
      ...r,
      createdAt: new Date(r.createdAt),
      updatedAt: new Date(r.updatedAt),
      scores: r.scores ?? {},
    })),
  };
}

export type TrackRecordDecision = { id: string; title: string; reviewDueAt: string };
export type ReviewedDecision = { id: string; title: string; reviewers: number; lastReviewedAt: string };
export type CriterionRecord = { name: string; optimistic: number; pessimistic: number; held: number };

export type TrackRecordLimits = { due: number; reviewed: number; criteria: number; threshold: number };

/**
 * A team's track record as three columns that ride along on a query of the team's row (the team page
 * has no statement to spare): decisions due for review that nobody has reviewed yet, the decisions
 * reviewed most recently, and, across all of them, the criteria (one per name, letter case aside) on
 * which the reviewed mean most often strayed `threshold` or more from the mean the deciding round
 * expected of the chosen option (read from the outcome's frozen snapshot).
 */
export function trackRecordColumns(teamId: string, now: Date, limits: TrackRecordLimits) {
  const due = sql`
    select json_agg(json_build_object('id', x.id, 'title', x.title, 'reviewDueAt', x.review_due_at) order by x.review_due_at, x.id) from (
      select d.id, d.title, d.review_due_at from decisions d
      where d.team_id = ${teamId} and d.status = 'decided' and d.review_due_at <= ${now.toISOString()}::timestamptz
        and not exists (select 1 from decision_reviews r where r.decision_id = d.id)
      order by d.review_due_at, d.id limit ${limits.due}) x`;
  const reviewed = sql`
    select json_agg(json_build_object('id', x.id, 'title', x.title, 'reviewers', x.reviewers, 'lastReviewedAt', x.last) order by x.last desc, x.id) from (
      select d.id, d.title, count(*)::int as reviewers, max(r.updated_at) as last
      from decisions d join decision_reviews r on r.decision_id = d.id and r.team_id = d.team_id
      where d.team_id = ${teamId}
      group by d.id, d.title order by max(r.updated_at) desc, d.id limit ${limits.reviewed}) x`;
  // Rounded as lib/domain/review.ts rounds, so the decision page and this summary never disagree on a verdict.
  const t = sql`${limits.threshold}::numeric`;
  const criteria = sql`
    select json_agg(json_build_object('name', x.name, 'optimistic', x.optimistic, 'pessimistic', x.pessimistic, 'held', x.held)
                    order by greatest(x.optimistic, x.pessimistic) desc, x.optimistic + x.pessimistic desc, x.key) from (
      select v.key, min(v.name) as name,
             (count(*) filter (where v.difference <= -${t}))::int as optimistic,
             (count(*) filter (where v.difference >= ${t}))::int as pessimistic,
             (count(*) filter (where v.difference > -${t} and v.difference < ${t}))::int as held
      from (
        select lower(c.name) as key, c.name,
               round((avg(rs.score) - (chosen.opt -> 'perCriterion' -> (c.id::text) ->> 'mean')::float8)::numeric, 3) as difference
        from decisions d
        join outcomes o on o.decision_id = d.id
        cross join lateral (select opt from jsonb_array_elements(o.snapshot -> 'tally' -> 'options') opt
                            where opt ->> 'optionId' = o.chosen_option_id::text limit 1) chosen
        join criteria c on c.decision_id = d.id
        join review_scores rs on rs.decision_id = d.id and rs.criterion_id = c.id
        where d.team_id = ${teamId}
        group by d.id, c.id, c.name, chosen.opt) v
      where v.difference is not null
      group by v.key
      having count(*) filter (where v.difference <= -${t} or v.difference >= ${t}) > 0
      order by greatest(count(*) filter (where v.difference <= -${t}), count(*) filter (where v.difference >= ${t})) desc, v.key
      limit ${limits.criteria}) x`;
  return {
    reviewsDue: jsonList<TrackRecordDecision>(due),
    reviewedDecisions: jsonList<ReviewedDecision>(reviewed),
    reviewCriteria: jsonList<CriterionRecord>(criteria),
  };
}

type TrackRecordRow = { reviewsDue: TrackRecordDecision[]; reviewedDecisions: ReviewedDecision[]; reviewCriteria: CriterionRecord[] };

/** The columns read back: dates as dates. */
export function trackRecordOf(row: TrackRecordRow) {
  return {
    due: row.reviewsDue.map((d) => ({ ...d, reviewDueAt: new Date(d.reviewDueAt) })),
    reviewed: row.reviewedDecisions.map((d) => ({ ...d, lastReviewedAt: new Date(d.lastReviewedAt) })),
    criteria: row.reviewCriteria,
  };
}
export type TrackRecord = ReturnType<typeof trackRecordOf>;

/** The track record on its own, for a caller that has no team row to read anyway. */
export async function trackRecord(db: Executor, teamId: string, now: Date, limits: TrackRecordLimits): Promise<TrackRecord> {
  const [row] = await db
    .select(trackRecordColumns(teamId, now, limits))
    .from(teams)
    .where(eq(teams.id, teamId));
  return trackRecordOf(row ?? { reviewsDue: [], reviewedDecisions: [], reviewCriteria: [] });
}
