import "server-only";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { can, ROLES } from "../../lib/auth/roles";
import { acceptsScores, acceptsWeights, closedPhaseMessage, isSealed } from "../../lib/domain/phases";
import { scoreSheetProblem, weightSheetProblem } from "../../lib/domain/sheet-rules";
import { AppError, ConflictError, ForbiddenError, NotFoundError } from "../../lib/errors";
import type { ScoreSheetInput, WeightSheetInput } from "../../lib/validation/decision";
import type { Db, Executor, Tx } from "../client";
import { ballots, criteria, memberships, options, scores, users, weights } from "../schema";
import { appendEvent } from "./events";
import { DECISION_NOT_FOUND, findDecision, requireDecision } from "./decisions";

/** Weights are given once per decision; their ballot rows all sit in round 1. */
const WEIGHTS_ROUND = 1;

/** Marks a member's sheet as submitted; tells whether this was the first time. */
async function recordBallot(tx: Tx, decisionId: string, userId: string, kind: "weights" | "scores", round: number, now: Date) {
  const [row] = await tx
    .insert(ballots)
    .values({ decisionId, userId, kind, round, submittedAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [ballots.decisionId, ballots.userId, ballots.kind, ballots.round], set: { updatedAt: now } })
    // xmax is 0 only for a freshly inserted row: the one reliable "was this an insert" in an upsert.
    .returning({ firstTime: sql<boolean>`(xmax = 0)` });
  return row?.firstTime ?? false;
}

/** Locks the decision for sharing: a phase change waits for saves in flight, and a save after it sees the new phase. */
async function lockOpenDecision(tx: Tx, teamId: string, decisionId: string, kind: "weights" | "scores") {
  const decision = await findDecision(tx, teamId, decisionId, "share");
  if (!decision) throw new NotFoundError(DECISION_NOT_FOUND);
  const open = kind === "weights" ? acceptsWeights(decision.status) : acceptsScores(decision.status);
  if (!open) throw new ConflictError(closedPhaseMessage(decision.status, kind));
  return decision;
}

export async function saveWeights(db: Db, actorId: string, input: WeightSheetInput, now = new Date()) {
  await requireDecision(db, actorId, input.teamId, input.decisionId, "decision.vote", now);
  return db.transaction(async (tx) => {
    const decision = await lockOpenDecision(tx, input.teamId, input.decisionId, "weights");
    const criterionIds = (await tx.select({ id: criteria.id }).from(criteria).where(eq(criteria.decisionId, decision.id))).map((c) => c.id);
    const given = Object.keys(input.weights);
    const unknown = given.filter((id) => !criterionIds.includes(id));
    if (unknown.length > 0) throw new AppError("The sheet names a criterion this decision does not have. Reload and try again.");
    const problem = weightSheetProblem(criterionIds, input.weights);
    if (problem) throw new AppError(problem.message, problem.fieldErrors);
    // The ballot row first: it serialises one member's saves, whatever order the rows come in.
    const firstTime = await recordBallot(tx, decision.id, actorId, "weights", WEIGHTS_ROUND, now);
    await tx
      .insert(weights)
      .values(
        criterionIds.map((criterionId) => ({ decisionId: decision.id, criterionId, userId: actorId, weight: input.weights[criterionId]!, updatedAt: now })),
      )
      .onConflictDoUpdate({ target: [weights.criterionId, weights.userId], set: { weight: sql`excluded.weight`, updatedAt: now } });
    await appendEvent(tx, {
      at: now,
      teamId: input.teamId,
      decisionId: decision.id,
      actorId,
      type: firstTime ? "weights.submitted" : "weights.updated",
      payload: {},
    });
    return { firstTime };
  });
}

export async function saveScores(db: Db, actorId: string, input: ScoreSheetInput, now = new Date()) {
  await requireDecision(db, actorId, input.teamId, input.decisionId, "decision.vote", now);
  return db.transaction(async (tx) => {
    const decision = await lockOpenDecision(tx, input.teamId, input.decisionId, "scores");
    const [optionRows, criterionRows] = await Promise.all([
      tx.select({ id: options.id }).from(options).where(eq(options.decisionId, decision.id)),
      tx.select({ id: criteria.id }).from(criteria).where(eq(criteria.decisionId, decision.id)),
    ]);
    const optionIds = new Set(optionRows.map((r) => r.id));
    const criterionIds = new Set(criterionRows.map((r) => r.id));
    if (input.cells.some((c) => !optionIds.has(c.optionId) || !criterionIds.has(c.criterionId))) {
      throw new AppError("The sheet names an option or criterion this decision does not have. Reload and try again.");
    }
    const problem = scoreSheetProblem(input.cells);
    if (problem) throw new AppError(problem.message, problem.fieldErrors);
    const scored = input.cells.filter((c) => c.score !== undefined);
    // The ballot row is locked first, so two saves of one member's sheet run one after the other:
    // otherwise their upserts and deletes lock score rows in different orders and deadlock, or mix.
    const firstTime = await recordBallot(tx, decision.id, actorId, "scores", decision.currentRound, now);
    await tx
      .insert(scores)
      .values(
        scored.map((c) => ({
          decisionId: decision.id,
          round: decision.currentRound,
          optionId: c.optionId,
          criterionId: c.criterionId,
          userId: actorId,
          score: c.score!,
          comment: c.comment || null,
          evidenceUrl: c.evidence,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [scores.round, scores.optionId, scores.criterionId, scores.userId],
        set: { score: sql`excluded.score`, comment: sql`excluded.comment`, evidenceUrl: sql`excluded.evidence_url`, updatedAt: now },
      });
    // A cell cleared on the sheet is no longer scored: missing, not zero.
    const keep = scored.map((c) => `${c.optionId}:${c.criterionId}`);
    await tx
      .delete(scores)
      .where(
        and(
          eq(scores.decisionId, decision.id),
          eq(scores.round, decision.currentRound),
          eq(scores.userId, actorId),
          notInArray(sql`${scores.optionId}::text || ':' || ${scores.criterionId}::text`, keep),
        ),
      );
    await appendEvent(tx, {
      at: now,
      teamId: input.teamId,
      decisionId: decision.id,
      actorId,
      type: firstTime ? "scores.submitted" : "scores.updated",
      // No count of cells: before the reveal it would show how far each member got.
      payload: {},
    });
    return { firstTime, cells: scored.length };
  });
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

/** Whoever the permissions table lets vote; counted as eligible in progress. */
const VOTING_ROLES = ROLES.filter((role) => can(role, "decision.vote"));

/** "4 of 6 have submitted": counts only, never values, so it is safe before the reveal. */
export async function progress(db: Executor, teamId: string, decisionId: string, round = 1) {
  const [voters, submitted] = await Promise.all([
    db
      .select({ userId: memberships.userId, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.teamId, teamId), inArray(memberships.role, VOTING_ROLES))),
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
 * Everyone's weights and scores, for pages: refused while the decision is sealed. The unchecked
 * readers below (ballotsOf, roundsOf) and the export loader also return others' values; each
 * caller of those must have checked the seal first (see the security tests on sealing).
 */
export async function allBallots(db: Db, actorId: string, teamId: string, decisionId: string): Promise<BallotInputs> {
  const { decision } = await requireDecision(db, actorId, teamId, decisionId);
  if (isSealed(decision.status)) throw new ForbiddenError("Weights and scores stay sealed until the reveal.");
  return ballotsOf(db, decision.id, decision.currentRound);
}

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
