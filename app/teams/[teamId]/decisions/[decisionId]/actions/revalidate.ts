import "server-only";
import { revalidatePath } from "next/cache";

/** A decision's pages and the team's lists all show its state. */
export function revalidateDecision(teamId: string, decisionId: string) {
  revalidatePath(`/teams/${teamId}/decisions/${decisionId}`, "layout");
  revalidatePath(`/teams/${teamId}/decisions`);
  revalidatePath(`/teams/${teamId}`);
}
