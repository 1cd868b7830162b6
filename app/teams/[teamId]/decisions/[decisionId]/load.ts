import "server-only";
import type { DecisionPermission } from "@/lib/auth/roles";
import { decisionPage } from "@/lib/entry/pages";

/** What every page of one decision starts from, for members allowed `permission` (any member by default). */
export async function loadDecisionPage(
  params: Promise<{ teamId: string; decisionId: string }>,
  section = "",
  permission: DecisionPermission = "decision.view",
) {
  const { teamId, decisionId } = await params;
  const base = `/teams/${teamId}/decisions/${decisionId}`;
  const view = await decisionPage({ teamId, decisionId }, permission, `${base}${section}`);
  const access = { role: view.actor.role, facilitates: view.facilitates };
  return { view, db: view.db, user: view.user, access, decision: view.decision, teamId, decisionId, base };
}
