import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { requireDecision } from "@/db/queries/decisions";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { id } from "@/lib/validation/fields";

/** Everything a decision page starts from; non-members and unknown ids get the not-found page. */
export async function loadDecisionPage(params: Promise<{ teamId: string; decisionId: string }>, section = "") {
  const { teamId, decisionId } = await params;
  const user = await requireUser(`/teams/${teamId}/decisions/${decisionId}${section}`);
  if (!id("team").safeParse(teamId).success || !id("decision").safeParse(decisionId).success) notFound();
  const db = await getDb();
  const access = await requireDecision(db, user.id, teamId, decisionId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return { db, user, access, decision: access.decision, teamId, decisionId, base: `/teams/${teamId}/decisions/${decisionId}` };
}
