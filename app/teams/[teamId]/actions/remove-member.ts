"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/entry/actions";
import { removeMember } from "@/lib/services/teams";
import { removeMemberSchema } from "@/lib/validation/team";

export const removeMemberAction = teamAction(removeMemberSchema, "team.removeMember", async ({ ctx, input }) => {
  const result = await removeMember(ctx, input);
  revalidatePath(`/teams/${input.teamId}`);
  return result.message;
});
