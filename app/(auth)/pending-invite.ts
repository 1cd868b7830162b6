import "server-only";
import { cookies } from "next/headers";
import { getDb } from "@/db";
import { INVITE_COOKIE, INVITE_PAGE } from "@/lib/auth/invite-cookie";
import { acceptInvite, InviteUnusableError, lookupInvite } from "@/lib/services/invites";

// Signing up or in from an invite joins the team at once: the invite page has already said which
// team and role, so asking again to "Join" would be a step for nothing.

/** The invite a sign-up or sign-in on its way back to the invite page brings along, if any. */
export async function pendingInvite(callbackUrl: string): Promise<string | null> {
  if (callbackUrl !== INVITE_PAGE) return null;
  return (await cookies()).get(INVITE_COOKIE)?.value ?? null;
}

/** What the sign-in and sign-up pages say about it: the team and role, while the link is usable. */
export async function pendingInviteSummary(callbackUrl: string) {
  const token = await pendingInvite(callbackUrl);
  if (!token) return null;
  const invite = await lookupInvite(await getDb(), token);
  return invite.status === "valid" ? { teamName: invite.teamName, role: invite.role } : null;
}

/** Joins and says where to go: the team, welcomed; or back to the invite page, which explains a link that stopped working. */
export async function joinPendingInvite(userId: string, token: string): Promise<string> {
  try {
    const { teamId, alreadyMember } = await acceptInvite(await getDb(), userId, token);
    (await cookies()).delete(INVITE_COOKIE);
    return `/teams/${teamId}${alreadyMember ? "" : "?joined=1"}`;
  } catch (error) {
    if (error instanceof InviteUnusableError) return INVITE_PAGE;
    throw error;
  }
}
