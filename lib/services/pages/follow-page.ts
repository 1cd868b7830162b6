import "server-only";
import { decisionOverview } from "../../../db/queries/decisions";
import { progressPage } from "../../../db/queries/progress";
import { VOTING_ROLES } from "../../auth/roles";
import type { DecisionView } from "../access";

// The weights or scores page of someone who cannot vote: what is being weighted and scored, who
// facilitates, and how many have submitted so far (counts only, never values), in two queries
// after the access check however large the team.

export async function followPageData(view: DecisionView) {
  const { db, teamId, decision } = view;
  const [overview, progress] = await Promise.all([
    decisionOverview(db, decision, { candidates: 0, supersedes: 0, amendments: 0 }),
    progressPage(db, { teamId, decisionId: decision.id, round: decision.currentRound, userId: view.actor.userId }, VOTING_ROLES, { limit: 0, offset: 0 }),
  ]);
  // Decisions are never deleted; the access check has just read this one.
  if (!overview) return null;
  return {
    facilitatorName: overview.facilitatorName,
    options: overview.options,
    criteria: overview.criteria,
    progress: { eligible: progress.eligible, weighted: progress.weighted, scored: progress.scored },
  };
}

export type FollowPageData = NonNullable<Awaited<ReturnType<typeof followPageData>>>;
