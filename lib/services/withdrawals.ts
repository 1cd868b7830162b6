import "server-only";
import { WEIGHTS_ROUND } from "../../db/queries/ballots";
import { deleteBallot, deleteSheetValues } from "../../db/queries/withdrawals";
import { type SheetKind, sheetWithdrawalRefusal } from "../domain/undo";
import { ConflictError } from "../errors";
import type { DecisionContext } from "./access";

// A member takes back their own sheet before the reveal. This runs under a share lock on the
// decision, like a save: other members keep saving, and a phase change waits for it. A withdrawal
// and a save of the same member take the same ballot row's lock, so they run one after the other
// and the later one wins: a save after a withdrawal submits again, a withdrawal after a save
// removes what it saved.

export async function withdrawSheet(ctx: DecisionContext<"decision.vote">, input: { kind: SheetKind }) {
  const { decision, tx, actor, now } = ctx;
  const refusal = sheetWithdrawalRefusal(decision.status, input.kind);
  if (refusal) throw new ConflictError(refusal);
  const sheet = {
    teamId: ctx.teamId,
    decisionId: decision.id,
    userId: actor.userId,
    kind: input.kind,
    round: input.kind === "weights" ? WEIGHTS_ROUND : decision.currentRound,
  };
  if (!(await deleteBallot(tx, sheet))) {
    throw new ConflictError(
      `You have not submitted ${input.kind === "weights" ? "weights" : "scores"}${input.kind === "scores" && decision.currentRound > 1 ? " in this round" : ""}, so there is nothing to withdraw.`,
    );
  }
  await deleteSheetValues(tx, sheet, now);
}
