import "server-only";
import { progressPage } from "../../../db/queries/progress";
import { VOTING_ROLES } from "../../auth/roles";
import type { DecisionView } from "../access";

// How far the team has got on a decision and whether the viewer's own part is done, without the
// list of voters: counts and flags only, never values, so safe before the reveal. One query after
// the access check; the sealed results page and the page of someone who cannot vote show it.

export async function progressCounts(view: DecisionView) {
  const { db, teamId, decision, actor } = view;
  const ref = { teamId, decisionId: decision.id, round: decision.currentRound, userId: actor.userId };
  const { eligible, weighted, scored, me } = await progressPage(db, ref, VOTING_ROLES, { limit: 0, offset: 0 });
  return { eligible, weighted, scored, me };
}

export type ProgressCounts = Awaited<ReturnType<typeof progressCounts>>;
