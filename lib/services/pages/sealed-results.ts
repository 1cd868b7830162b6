import "server-only";
import { progressPage } from "../../../db/queries/progress";
import { VOTING_ROLES } from "../../auth/roles";
import type { DecisionView } from "../access";

// The results page before the reveal shows no figure, but it need not be a dead end: how far the
// team has got (counts only, never values, as on the decision page) and whether the viewer's own
// part is still to do, in one query after the access check.

export async function sealedResultsStanding(view: DecisionView) {
  const { db, teamId, decision, actor } = view;
  const ref = { teamId, decisionId: decision.id, round: decision.currentRound, userId: actor.userId };
  const { eligible, weighted, scored, me } = await progressPage(db, ref, VOTING_ROLES, { limit: 0, offset: 0 });
  return { eligible, weighted, scored, me };
}

export type SealedResultsStanding = Awaited<ReturnType<typeof sealedResultsStanding>>;
