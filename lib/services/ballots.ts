import "server-only";
import { appendEvent } from "../../db/queries/events";
import { type BallotInputs, ballotsOf, recordBallot, replaceScores, structureIds, upsertWeights, WEIGHTS_ROUND } from "../../db/queries/ballots";
import { acceptsScores, acceptsWeights, closedPhaseMessage, isSealed } from "../domain/phases";
import { scoreSheetProblem, weightSheetProblem } from "../domain/sheet-rules";
import { AppError, ConflictError, ForbiddenError } from "../errors";
import type { ScoreSheetInput, WeightSheetInput } from "../validation/decision";
import type { DecisionContext, DecisionView } from "./access";

// A member's own sheets. These run under a share lock on the decision (see inDecision): members
// save at the same time, and a phase change waits until the saves in flight are done.

/** That a member saved a sheet, and nothing of what it holds: before the reveal even a count of cells would show how far they got. */
function appendSheetEvent(ctx: DecisionContext, type: "weights.submitted" | "weights.updated" | "scores.submitted" | "scores.updated") {
  return appendEvent(ctx.tx, { at: ctx.now, teamId: ctx.teamId, decisionId: ctx.decision.id, actorId: ctx.actor.userId, type, payload: {} });
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
  // The ballot row first: it serialises one member's saves, whatever order the rows come in.
  const firstTime = await recordBallot(tx, decision.id, actor.userId, "weights", WEIGHTS_ROUND, now);
  const given = criterionIds.map((criterionId) => ({ criterionId, weight: input.weights[criterionId]! }));
  await upsertWeights(tx, decision.id, actor.userId, given, now);
  await appendSheetEvent(ctx, firstTime ? "weights.submitted" : "weights.updated");
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
  // The ballot row is locked first, so two saves of one member's sheet run one after the other:
  // otherwise their upserts and deletes lock score rows in different orders and deadlock, or mix.
  const firstTime = await recordBallot(tx, decision.id, actor.userId, "scores", decision.currentRound, now);
  await replaceScores(tx, decision.id, decision.currentRound, actor.userId, scored, now);
  await appendSheetEvent(ctx, firstTime ? "scores.submitted" : "scores.updated");
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
