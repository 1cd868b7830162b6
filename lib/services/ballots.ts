import "server-only";
import {
  type BallotInputs,
  ballotsOf,
  recordBallot,
  replaceScores,
  type SheetKind,
  structureIds,
  upsertWeights,
  WEIGHTS_ROUND,
} from "../../db/queries/ballots";
import { acceptsScores, acceptsWeights, closedPhaseMessage, isSealed } from "../domain/phases";
import { scoreSheetProblem, weightSheetProblem } from "../domain/sheet-rules";
import { AppError, ConflictError, ForbiddenError } from "../errors";
import type { ScoreSheetInput, WeightSheetInput } from "../validation/decision";
import type { DecisionContext, DecisionView } from "./access";

// A member's own sheets. These run under a share lock on the decision (see inDecision): members
// save at the same time, and a phase change waits until the saves in flight are done. A save is
// three statements after the access check: the structure it may name, the ballot row with its
// event, and the values.

/** The member's ballot row and its event (weights.submitted, scores.updated, …), written first; see recordBallot. */
function recordSheet(ctx: DecisionContext, kind: SheetKind, round: number) {
  return recordBallot(ctx.tx, { teamId: ctx.teamId, decisionId: ctx.decision.id, userId: ctx.actor.userId, kind, round }, ctx.now);
}

export async function saveWeights(ctx: DecisionContext<"decision.vote">, input: Pick<WeightSheetInput, "weights">) {
  const { decision, tx, actor, now } = ctx;
  if (!acceptsWeights(decision.status)) throw new ConflictError(closedPhaseMessage(decision.status, "weights"));
  const { criterionIds } = await structureIds(tx, decision.id);
  if (Object.keys(input.weights).some((id) => !criterionIds.includes(id))) {
    throw new AppError("The sheet names a criterion this decision does not have. Reload and try again.");
  }
  const problem = weightSheetProblem(criterionIds, input.weights);
  if (problem) throw new AppError(problem.message, problem.fieldErrors);
  const firstTime = await recordSheet(ctx, "weights", WEIGHTS_ROUND);
  const given = criterionIds.map((criterionId) => ({ criterionId, weight: input.weights[criterionId]! }));
  await upsertWeights(tx, decision.id, actor.userId, given, now);
  return { firstTime };
}

export async function saveScores(ctx: DecisionContext<"decision.vote">, input: Pick<ScoreSheetInput, "cells">) {
  const { decision, tx, actor, now } = ctx;
  if (!acceptsScores(decision.status)) throw new ConflictError(closedPhaseMessage(decision.status, "scores"));
  const ids = await structureIds(tx, decision.id);
  const optionIds = new Set(ids.optionIds);
  const criterionIds = new Set(ids.criterionIds);
  if (input.cells.some((c) => !optionIds.has(c.optionId) || !criterionIds.has(c.criterionId))) {
    throw new AppError("The sheet names an option or criterion this decision does not have. Reload and try again.");
  }
  const problem = scoreSheetProblem(input.cells);
  if (problem) throw new AppError(problem.message, problem.fieldErrors);
  const scored = input.cells.flatMap((c) =>
    c.score === undefined ? [] : [{ optionId: c.optionId, criterionId: c.criterionId, score: c.score, comment: c.comment || null, evidenceUrl: c.evidence }],
  );
  // Every other cell of the grid is no longer scored: deleted by its key (nothing to delete when all are scored).
  const kept = new Set(scored.map((c) => `${c.optionId}.${c.criterionId}`));
  const cleared = ids.optionIds.flatMap((optionId) =>
    ids.criterionIds.flatMap((criterionId) => (kept.has(`${optionId}.${criterionId}`) ? [] : [{ optionId, criterionId }])),
  );
  const firstTime = await recordSheet(ctx, "scores", decision.currentRound);
  await replaceScores(tx, { decisionId: decision.id, round: decision.currentRound, userId: actor.userId }, scored, cleared, now);
  return { firstTime, cells: scored.length };
}

/**
 * Everyone's weights and scores of the current round, for pages: refused while the decision is
 * sealed. The only service that returns others' values; the export loader checks the seal itself.
 */
export async function revealedBallots(view: DecisionView): Promise<BallotInputs> {
  if (isSealed(view.decision.status)) throw new ForbiddenError("Weights and scores stay sealed until the reveal.");
  return ballotsOf(view.db, view.decision.id, view.decision.currentRound);
}
