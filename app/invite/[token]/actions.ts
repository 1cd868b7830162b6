"use server";

import { redirect } from "next/navigation";
import { acceptInvite } from "@/db/queries/invites";
import { formAction } from "@/lib/actions/form-action";
import { acceptInviteSchema } from "@/lib/validation/accept-invite";

export const acceptInviteAction = formAction(acceptInviteSchema, async ({ db, user, input }) => {
  const { teamId, alreadyMember } = await acceptInvite(db, user.id, input.token);
  redirect(`/teams/${teamId}${alreadyMember ? "" : "?joined=1"}`);
});
