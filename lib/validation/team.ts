import { z } from "zod";
import { id, role } from "./fields";

export const createTeamSchema = z.object({
  name: z.string({ error: "Give the team a name" }).trim().min(1, "Give the team a name").max(60, "Use at most 60 characters for the team name"),
});

export const changeRoleSchema = z.object({ teamId: id("team"), userId: id("member"), role });

export const removeMemberSchema = z.object({ teamId: id("team"), userId: id("member") });

export const leaveTeamSchema = z.object({ teamId: id("team") });
