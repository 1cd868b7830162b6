import "server-only";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Role } from "../../lib/domain/roles";
import type { Executor, Tx } from "../client";
import { ballots, criteria, memberships, options, scores, users, weights } from "../schema";

// Plain reads and writes of weights, scores and ballots. Reads that return others' values do not
// check the seal: the services and page loaders that call them check it first (lib/services/ballots.ts).

/** Weights are given once per decision; their ballot rows all sit in round 1. */
export const WEIGHTS_ROUND = 1;

/** Marks a member's sheet as submitted; tells whether this was the first time. */
export async function recordBallot(tx: Tx, decisionId: string, userId: string, kind: "weights" | "scores", round: number, now: Date) {
  const [row] = await tx
    .insert(ballots)
    .values({ decisionId, userId, kind, round, submittedAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [ballots.decisionId, ballots.userId, ballots.kind, ballots.round], set: { updatedAt: now } })
    // xmax is 0 only for a freshly inserted row: the one reliable "was this an insert" in an upsert.
    .returning({ firstTime: sql<boolean>`(xmax = 0)` });
  return row?.firstTime ?? false;
}

/** A decision's criterion ids, and its option ids when asked: what a sheet may name. */
export async function structureIds(db: Executor, decisionId: string) {
  const [optionRows, criterionRows] = await Promise.all([
    db.select({ id: options.id }).from(options).where(eq(options.decisionId, decisionId)),
    db.select({ id: criteria.id }).from(criteria).where(eq(criteria.decisionId, decisionId)),
  ]);
  return { optionIds: optionRows.map((r) => r.id), criterionIds: criterionRows.map((r) => r.id) };
}

export async function upsertWeights(tx: Tx, decisionId: string, userId: string, given: { criterionId: string; weight: number }[], now: Date) {
  await tx
    .insert(weights)
    .values(given.map(({ criterionId, weight }) => ({ decisionId, criterionId, userId, weight, updatedAt: now })))
    .onConflictDoUpdate({ target: [weights.criterionId, weights.userId], set: { weight: sql`excluded.weight`, updatedAt: now } });
}

export type ScoreCell = { optionId: string; criterionId: string; score: number; comment: string | null; evidenceUrl: string | null };

/** Makes the member's scores of the round exactly `cells`: a cell left out is no longer scored (missing, not zero). */
export async function replaceScores(tx: Tx, decisionId: string, round: number, userId: string, cells: ScoreCell[], now: Date) {
  if (cells.length > 0) {
    await tx
      .insert(scores)
      .values(cells.map((c) => ({ ...c, decisionId, round, userId, updatedAt: now })))
      .onConflictDoUpdate({
        target: [scores.round, scores.optionId, scores.criterionId, scores.userId],
        set: { score: sql`excluded.score`, comment: sql`excluded.comment`, evidenceUrl: sql`excluded.evidence_url`, updatedAt: now },
      });
  }
  const keep = cells.map((c) => `${c.optionId}:${c.criterionId}`);
  await tx
    .delete(scores)
    .where(
      and(
        eq(scores.decisionId, decisionId),
        eq(scores.round, round),
        eq(scores.userId, userId),
        ...(keep.length > 0 ? [notInArray(sql`${scores.optionId}::text || ':' || ${scores.criterionId}::text`, keep)] : []),
      ),
    );
}

/** The caller's own sheets. Always allowed: a member may see what they entered. */
export async function ownBallot(db: Executor, decisionId: string, userId: string, round = 1) {
  const [weightRows, scoreRows] = await Promise.all([
    db
      .select({ criterionId: weights.criterionId, weight: weights.weight })
      .from(weights)
      .where(and(eq(weights.decisionId, decisionId), eq(weights.userId, userId))),
    db
      .select({ optionId: scores.optionId, criterionId: scores.criterionId, score: scores.score, comment: scores.comment, evidenceUrl: scores.evidenceUrl })
      .from(scores)
      .where(and(eq(scores.decisionId, decisionId), eq(scores.round, round), eq(scores.userId, userId))),
  ]);
  return { weights: weightRows, scores: scoreRows };
}

/** "4 of 6 have submitted": counts only, never values, so it is safe before the reveal. */
export async function progress(db: Executor, teamId: string, decisionId: string, round: number, votingRoles: readonly Role[]) {
  const [voters, submitted] = await Promise.all([
    db
      .select({ userId: memberships.userId, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.teamId, teamId), inArray(memberships.role, [...votingRoles]))),
    db
      .select({ userId: ballots.userId, kind: ballots.kind, round: ballots.round })
      .from(ballots)
      .where(and(eq(ballots.decisionId, decisionId), inArray(ballots.round, [WEIGHTS_ROUND, round]))),
  ]);
  const voterIds = new Set(voters.map((v) => v.userId));
  const counts = (b: (typeof submitted)[number]) => voterIds.has(b.userId) && (b.kind === "weights" || b.round === round);
  const done = (kind: "weights" | "scores") => new Set(submitted.filter((b) => b.kind === kind && counts(b)).map((b) => b.userId));
  const weighted = done("weights");
  const scoredBy = done("scores");
  return {
    voters: voters.map((v) => ({ ...v, weighted: weighted.has(v.userId), scored: scoredBy.has(v.userId) })),
    eligible: voters.length,
    weighted: weighted.size,
    scored: scoredBy.size,
  };
}

export type BallotInputs = {
  members: { id: string; name: string }[];
  weights: { memberId: string; criterionId: string; weight: number }[];
  scores: { memberId: string; optionId: string; criterionId: string; score: number; comment: string | null; evidenceUrl: string | null }[];
};

/**
 * How the team scored each cell in a finished round, as counts per score: shown beside the sheet
 * while members re-score, without names. Only rounds before the current one, so never sealed data.
 */
export async function roundDistribution(db: Executor, decision: { id: string; currentRound: number }, round: number) {
  if (round < 1 || round >= decision.currentRound) return new Map<string, number[]>();
  const rows = await db
    .select({ optionId: scores.optionId, criterionId: scores.criterionId, score: scores.score, n: sql<number>`count(*)::int` })
    .from(scores)
    .where(and(eq(scores.decisionId, decision.id), eq(scores.round, round)))
    .groupBy(scores.optionId, scores.criterionId, scores.score);
  const counts = new Map<string, number[]>();
  for (const row of rows) {
    const key = `${row.optionId}.${row.criterionId}`;
    const histogram = counts.get(key) ?? [0, 0, 0, 0, 0];
    histogram[row.score - 1] = row.n;
    counts.set(key, histogram);
  }
  return counts;
}

/** Everyone's scores of each finished round, for showing how the ranking moved. */
export async function roundsOf(db: Executor, decisionId: string, rounds: number): Promise<BallotInputs[]> {
  return Promise.all(Array.from({ length: rounds }, (_, i) => ballotsOf(db, decisionId, i + 1)));
}

/** Unchecked read for code that has already passed the seal (deciding, snapshots). */
export async function ballotsOf(db: Executor, decisionId: string, round = 1): Promise<BallotInputs> {
  const [weightRows, scoreRows, people] = await Promise.all([
    db.select({ memberId: weights.userId, criterionId: weights.criterionId, weight: weights.weight }).from(weights).where(eq(weights.decisionId, decisionId)),
    db
      .select({
        memberId: scores.userId,
        optionId: scores.optionId,
        criterionId: scores.criterionId,
        score: scores.score,
        comment: scores.comment,
        evidenceUrl: scores.evidenceUrl,
      })
      .from(scores)
      .where(and(eq(scores.decisionId, decisionId), eq(scores.round, round))),
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(ballots)
      .innerJoin(users, eq(users.id, ballots.userId))
      .where(eq(ballots.decisionId, decisionId)),
  ]);
  people.sort((a, b) => a.name.localeCompare(b.name));
  return { members: people, weights: weightRows, scores: scoreRows };
}
