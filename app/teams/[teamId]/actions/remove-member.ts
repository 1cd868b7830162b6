"use server";

import { revalidatePath } from "next/cache";
import { removeMember } from "@/db/queries/teams";
import { formAction } from "@/lib/actions/form-action";
import { removeMemberSchema } from "@/lib/validation/team";

export const removeMemberAction = formAction(removeMemberSchema, async ({ db, user, input }) => {
  const result = await removeMember(db, user.id, input);
  revalidatePath(`/teams/${input.teamId}`);
  return result.message;
});
