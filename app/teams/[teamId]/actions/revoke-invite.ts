"use server";

import { revalidatePath } from "next/cache";
import { revokeInvite } from "@/db/queries/invites";
import { formAction } from "@/lib/actions/form-action";
import { revokeInviteSchema } from "@/lib/validation/invite";

export const revokeInviteAction = formAction(revokeInviteSchema, async ({ db, user, input }) => {
  await revokeInvite(db, user.id, input);
  revalidatePath(`/teams/${input.teamId}`);
  return "Invite revoked: the link no longer works.";
});
