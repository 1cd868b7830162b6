"use server";

import { redirect } from "next/navigation";
import { createTeam } from "@/db/queries/teams";
import { formAction } from "@/lib/actions/form-action";
import { createTeamSchema } from "@/lib/validation/team";

export const createTeamAction = formAction(createTeamSchema, async ({ db, user, input }) => {
  const team = await createTeam(db, user.id, input);
  redirect(`/teams/${team.id}`);
});
