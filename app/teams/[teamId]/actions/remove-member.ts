"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/entry/actions";
import { removeMember } from "@/lib/services/teams";
import { removeMemberSchema } from "@/lib/validation/team";

export const removeMemberAction = teamAction(
  removeMemberSchema,
  "team.removeMember",
  async ({ ctx, input }) => {
    await removeMember(ctx, input);
    revalidatePath(`/teams/${input.teamId}`);
    // The member's row, and the form that would have said so, are gone: the team page announces it.
    return { redirectTo: `/teams/${input.teamId}?removed=${input.userId}#members-heading` };
  },
  { confirm: true },
);
