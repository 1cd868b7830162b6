"use server";

import { formAction } from "@/lib/entry/actions";
import { createTeam } from "@/lib/services/teams";
import { createTeamSchema } from "@/lib/validation/team";

export const createTeamAction = formAction(createTeamSchema, async ({ db, user, input }) => {
  const team = await createTeam(db, user.id, input);
  return { redirectTo: `/teams/${team.id}` };
});
