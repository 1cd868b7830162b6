"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { teamAction } from "@/lib/entry/actions";
import { requestOrigin } from "@/lib/http/origin";
import { createInvite } from "@/lib/services/invites";
import { createInviteSchema } from "@/lib/validation/invite";

export const createInviteAction = teamAction(createInviteSchema, "team.invite", async ({ ctx, input }) => {
  const { token } = await createInvite(ctx, input);
  revalidatePath(`/teams/${input.teamId}`);
  const path = `/invite/${token}`;
  const origin = requestOrigin(await headers());
  return {
    message: "Invite link created. You can copy it again from the table below.",
    data: { inviteUrl: origin ? new URL(path, origin).toString() : path },
  };
});
