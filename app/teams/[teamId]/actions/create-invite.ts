"use server";

import { revalidatePath } from "next/cache";
import { createInvite } from "@/db/queries/invites";
import { formAction } from "@/lib/actions/form-action";
import { createInviteSchema } from "@/lib/validation/invite";

export const createInviteAction = formAction(createInviteSchema, async ({ db, user, input }) => {
  const { token } = await createInvite(db, user.id, input);
  revalidatePath(`/teams/${input.teamId}`);
  // The token is shown once, here; only its hash is stored.
  return { message: "Invite link created. Copy it now: it is shown only once.", data: { invitePath: `/invite/${token}` } };
});
