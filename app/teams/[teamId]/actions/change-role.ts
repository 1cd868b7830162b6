"use server";

import { revalidatePath } from "next/cache";
import { changeMemberRole } from "@/db/queries/teams";
import { formAction } from "@/lib/actions/form-action";
import { changeRoleSchema } from "@/lib/validation/team";

export const changeRoleAction = formAction(changeRoleSchema, async ({ db, user, input }) => {
  const result = await changeMemberRole(db, user.id, input);
  revalidatePath(`/teams/${input.teamId}`);
  return result.changed ? result.message : "No change: that is already their role.";
});
