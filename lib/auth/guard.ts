import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { memberships } from "../../db/schema";
import { ForbiddenError, NotFoundError } from "../errors";
import { can, type Permission, type Role } from "./roles";

export type TeamAccess = { teamId: string; userId: string; role: Role };

/**
 * The one authorization check. The role is read from the database on every call, so a member who
 * was removed or demoted loses access at once, whatever their session says. Non-members get the
 * same "not found" as for a team that does not exist.
 */
export async function requireTeamRole(db: Executor, userId: string, teamId: string, permission: Permission): Promise<TeamAccess> {
  const [membership] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)))
    .limit(1);
  if (!membership) throw new NotFoundError("That team does not exist, or you are not a member of it.");
  if (!can(membership.role, permission)) {
    throw new ForbiddenError("Your role in this team does not allow that.");
  }
  return { teamId, userId, role: membership.role };
}
