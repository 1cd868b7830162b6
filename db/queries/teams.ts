import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { requireTeamRole } from "../../lib/auth/guard";
import { canManageMember, type Role, ROLE_LABELS, ROLES } from "../../lib/auth/roles";
import { ConflictError, ForbiddenError, NotFoundError } from "../../lib/errors";
import type { Db, Executor } from "../client";
import { memberships, teams, users } from "../schema";
import { appendEvent } from "./events";

export async function listTeamsForUser(db: Executor, userId: string) {
  const memberCount = db
    .select({ teamId: memberships.teamId, n: count().as("n") })
    .from(memberships)
    .groupBy(memberships.teamId)
    .as("member_count");
  return db
    .select({ id: teams.id, name: teams.name, role: memberships.role, members: memberCount.n })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .innerJoin(memberCount, eq(memberCount.teamId, teams.id))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(teams.name));
}

/** The team as its member sees it, or null for non-members (who must not learn it exists). */
export async function getTeamForMember(db: Executor, userId: string, teamId: string) {
  const [row] = await db
    .select({ id: teams.id, name: teams.name, createdAt: teams.createdAt, role: memberships.role })
    .from(teams)
    .innerJoin(memberships, and(eq(memberships.teamId, teams.id), eq(memberships.userId, userId)))
    .where(eq(teams.id, teamId))
    .limit(1);
  return row ?? null;
}

export async function listMembers(db: Executor, teamId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, teamId))
    .orderBy(
      sql`array_position(array[${sql.join(
        ROLES.map((role) => sql`${role}`),
        sql`, `,
      )}]::team_role[], ${memberships.role})`,
      asc(users.name),
    );
}

export async function createTeam(db: Db, userId: string, input: { name: string }) {
  return db.transaction(async (tx) => {
    const [team] = await tx.insert(teams).values({ name: input.name }).returning();
    await tx.insert(memberships).values({ teamId: team!.id, userId, role: "owner" });
    await appendEvent(tx, { teamId: team!.id, actorId: userId, type: "team.created", payload: { name: input.name } });
    return team!;
  });
}

/**
 * Locks the team's membership rows for the rest of the transaction, so two owners demoting each
 * other at once cannot leave the team without an owner.
 */
async function lockedMembers(tx: Executor, teamId: string) {
  return tx
    .select({ userId: memberships.userId, role: memberships.role, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, teamId))
    .for("update", { of: memberships });
}

function ownersIn(members: { role: Role }[]) {
  return members.filter((m) => m.role === "owner").length;
}

const LAST_OWNER = "A team needs at least one owner: make someone else an owner first.";

export async function changeMemberRole(db: Db, actorId: string, input: { teamId: string; userId: string; role: Role }) {
  const access = await requireTeamRole(db, actorId, input.teamId, "team.changeRole");
  return db.transaction(async (tx) => {
    const members = await lockedMembers(tx, input.teamId);
    const target = members.find((m) => m.userId === input.userId);
    if (!target) throw new NotFoundError("That person is not a member of this team.");
    const actor = members.find((m) => m.userId === actorId);
    if (!actor) throw new NotFoundError("That team does not exist, or you are not a member of it.");
    if (!canManageMember(actor.role, target.role, input.role)) {
      throw new ForbiddenError("Only an owner can change an owner's role or make someone an owner.");
    }
    if (target.role === input.role) return { changed: false };
    if (target.role === "owner" && ownersIn(members) === 1) throw new ConflictError(LAST_OWNER);
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.teamId, input.teamId), eq(memberships.userId, input.userId)));
    await appendEvent(tx, {
      teamId: access.teamId,
      actorId,
      type: "member.role_changed",
      payload: { userId: target.userId, name: target.name, from: target.role, to: input.role },
    });
    return { changed: true, message: `${target.name} is now ${ROLE_LABELS[input.role].toLowerCase()}.` };
  });
}

export async function removeMember(db: Db, actorId: string, input: { teamId: string; userId: string }) {
  await requireTeamRole(db, actorId, input.teamId, "team.removeMember");
  if (input.userId === actorId) throw new ConflictError("To remove yourself, leave the team instead.");
  return db.transaction(async (tx) => {
    const members = await lockedMembers(tx, input.teamId);
    const target = members.find((m) => m.userId === input.userId);
    if (!target) throw new NotFoundError("That person is not a member of this team.");
    const actor = members.find((m) => m.userId === actorId);
    if (!actor) throw new NotFoundError("That team does not exist, or you are not a member of it.");
    if (!canManageMember(actor.role, target.role)) throw new ForbiddenError("Only an owner can remove an owner.");
    if (target.role === "owner" && ownersIn(members) === 1) throw new ConflictError(LAST_OWNER);
    await tx.delete(memberships).where(and(eq(memberships.teamId, input.teamId), eq(memberships.userId, input.userId)));
    await appendEvent(tx, {
      teamId: input.teamId,
      actorId,
      type: "member.removed",
      payload: { userId: target.userId, name: target.name, role: target.role },
    });
    return { message: `${target.name} was removed from the team.` };
  });
}

export async function leaveTeam(db: Db, actorId: string, input: { teamId: string }) {
  await requireTeamRole(db, actorId, input.teamId, "team.view");
  return db.transaction(async (tx) => {
    const members = await lockedMembers(tx, input.teamId);
    const me = members.find((m) => m.userId === actorId);
    if (!me) throw new NotFoundError("That team does not exist, or you are not a member of it.");
    if (me.role === "owner" && ownersIn(members) === 1) {
      throw new ConflictError("You are the last owner: make someone else an owner before you leave.");
    }
    await tx.delete(memberships).where(and(eq(memberships.teamId, input.teamId), eq(memberships.userId, actorId)));
    await appendEvent(tx, { teamId: input.teamId, actorId, type: "member.left", payload: { userId: actorId, name: me.name, role: me.role } });
  });
}
