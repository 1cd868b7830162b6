"use server";

import { cookies } from "next/headers";
import { INVITE_COOKIE } from "@/lib/auth/invite-cookie";
import { formAction } from "@/lib/entry/actions";
import { acceptInvite } from "@/lib/services/invites";
import { acceptInviteSchema } from "@/lib/validation/accept-invite";

export const acceptInviteAction = formAction(acceptInviteSchema, async ({ db, user, input }) => {
  const { teamId, alreadyMember } = await acceptInvite(db, user.id, input.token);
  (await cookies()).delete(INVITE_COOKIE);
  return { redirectTo: `/teams/${teamId}${alreadyMember ? "" : "?joined=1"}` };
});
