"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/entry/actions";
import { changeMemberRole } from "@/lib/services/teams";
import { changeRoleSchema } from "@/lib/validation/team";

export const changeRoleAction = teamAction(changeRoleSchema, "team.changeRole", async ({ ctx, input }) => {
  const result = await changeMemberRole(ctx, input);
  revalidatePath(`/teams/${input.teamId}`);
  return result.changed ? result.message : "No change: that is already their role.";
});
