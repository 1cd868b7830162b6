"use server";

import { teamAction } from "@/lib/entry/actions";
import { leaveTeam } from "@/lib/services/teams";
import { leaveTeamSchema } from "@/lib/validation/team";

export const leaveTeamAction = teamAction(
  leaveTeamSchema,
  "team.view",
  async ({ ctx }) => {
    await leaveTeam(ctx);
    return { redirectTo: "/teams?left=1" };
  },
  { confirm: true },
);
