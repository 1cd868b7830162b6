"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/entry/actions";
import { createInvite } from "@/lib/services/invites";
import { createInviteSchema } from "@/lib/validation/invite";

export const createInviteAction = teamAction(createInviteSchema, "team.invite", async ({ ctx, input }) => {
  const { token } = await createInvite(ctx, input);
  revalidatePath(`/teams/${input.teamId}`);
  // The token is shown once, here; only its hash is stored.
  return { message: "Invite link created. Copy it now: it is shown only once.", data: { invitePath: `/invite/${token}` } };
});
