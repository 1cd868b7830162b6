"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/entry/actions";
import { regenerateInvite } from "@/lib/services/invites";
import { regenerateInviteSchema } from "@/lib/validation/invite";

export const regenerateInviteAction = teamAction(regenerateInviteSchema, "team.invite", async ({ ctx, input }) => {
  await regenerateInvite(ctx, { inviteId: input.inviteId });
  revalidatePath(`/teams/${input.teamId}`);
  return "New link made: the old one no longer works.";
});
