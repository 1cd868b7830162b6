import "server-only";
import { type BallotInputs, ballotsOf, writeScoreSheet, writeWeightSheet } from "../../db/queries/ballots";
import { acceptsScores, acceptsWeights, closedPhaseMessage, isSealed } from "../domain/phases";
import { scoreSheetProblem, unweightedProblem } from "../domain/sheet-rules";
import { AppError, ConflictError, ForbiddenError } from "../errors";
import type { ScoreSheetInput, WeightSheetInput } from "../validation/decision";
import type { DecisionContext, DecisionView } from "./access";

// A member's own sheets. These run under a share lock on the decision (see inDecision): members
// save at the same time, and a phase change waits until the saves in flight are done. After the
// access check, a save is two statements, sent together with COMMIT: the ballot row, then the
// values (checked against the decision's structure) with the event, in one statement. A check
// against the structure is made by that statement, so on refusal nothing is written.

const UNKNOWN_CRITERION = "The sheet names a criterion this decision does not have. Reload and try again.";

export async function saveWeights(ctx: DecisionContext<"decision.vote">, input: Pick<WeightSheetInput, "weights">) {
  const { decision, tx, actor, now } = ctx;
  if (!acceptsWeights(decision.status)) throw new ConflictError(closedPhaseMessage(decision.status, "weights"));
  const { firstTime, namesUnknown, unweighted } = await writeWeightSheet(
    tx,
    { teamId: ctx.teamId, decisionId: decision.id, userId: actor.userId },
    input.weights,
    now,
  );
  // Nothing was written when either is the case.
  if (namesUnknown) throw new AppError(UNKNOWN_CRITERION);
  const problem = unweightedProblem(unweighted);
  if (problem) throw new AppError(problem.message, problem.fieldErrors);
  return { firstTime };
}

const UNKNOWN_CELL = "The sheet names an option or criterion this decision does not have. Reload and try again.";

export async function saveScores(ctx: DecisionContext<"decision.vote">, input: Pick<ScoreSheetInput, "cells">) {
  const { decision, tx, actor, now } = ctx;
  if (!acceptsScores(decision.status)) throw new ConflictError(closedPhaseMessage(decision.status, "scores"));
  const problem = scoreSheetProblem(input.cells);
  if (problem) throw new AppError(problem.message, problem.fieldErrors);
  // Ids differing only in case are one uuid to the database: a cell named twice is refused here.
  const keys = new Set(input.cells.map((c) => `${c.optionId}.${c.criterionId}`.toLowerCase()));
  if (keys.size !== input.cells.length) throw new AppError(UNKNOWN_CELL);
  const sheet = input.cells.map((c) => ({
    optionId: c.optionId,
    criterionId: c.criterionId,
    score: c.score ?? null,
    comment: c.score === undefined ? null : c.comment || null,
    evidenceUrl: c.score === undefined ? null : c.evidence,
  }));
  // The ballot row, then the values with the event, sent together with COMMIT: the last round trip.
  const { allKnown, firstTime } = await writeScoreSheet(
    tx,
    { teamId: ctx.teamId, decisionId: decision.id, round: decision.currentRound, userId: actor.userId },
    sheet,
    now,
  );
  if (!allKnown) throw new AppError(UNKNOWN_CELL); // nothing was written
  return { firstTime, cells: sheet.filter((c) => c.score !== null).length };
}

/**
 * Everyone's weights and scores of the current round, for pages: refused while the decision is
 * sealed. The only service that returns others' values; the export loader checks the seal itself.
 */
export async function revealedBallots(view: DecisionView): Promise<BallotInputs> {
  if (isSealed(view.decision.status)) throw new ForbiddenError("Weights and scores stay sealed until the reveal.");
  return ballotsOf(view.db, view.decision.id, view.decision.currentRound);
}
