"use server";

import { redirect } from "next/navigation";
import { leaveTeam } from "@/db/queries/teams";
import { formAction } from "@/lib/actions/form-action";
import { leaveTeamSchema } from "@/lib/validation/team";

export const leaveTeamAction = formAction(leaveTeamSchema, async ({ db, user, input }) => {
  await leaveTeam(db, user.id, input);
  redirect("/teams?left=1");
});
