"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/entry/actions";
import { revokeInvite } from "@/lib/services/invites";
import { revokeInviteSchema } from "@/lib/validation/invite";

export const revokeInviteAction = teamAction(revokeInviteSchema, "team.invite", async ({ ctx, input }) => {
  await revokeInvite(ctx, input);
  revalidatePath(`/teams/${input.teamId}`);
  return "Invite revoked: the link no longer works.";
});
