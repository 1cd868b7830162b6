import "server-only";
import { decisionOverview } from "../../../db/queries/decisions";
import type { DecisionView } from "../access";
import { progressCounts } from "./progress-counts";

// The weights or scores page of someone who cannot vote: what is being weighted and scored, who
// facilitates, and how many have submitted so far (counts only, never values), in two queries
// after the access check however large the team.

export async function followPageData(view: DecisionView) {
  const [overview, progress] = await Promise.all([
    decisionOverview(view.db, view.decision, { candidates: 0, supersedes: 0, amendments: 0 }),
    progressCounts(view),
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
