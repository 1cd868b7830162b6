import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { appendEvent } from "../../db/queries/events";
import { lockedMembers } from "../../db/queries/teams";
import { memberships, teams } from "../../db/schema";
import { canManageMember, type Role, ROLE_LABELS } from "../auth/roles";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { TEAM_NOT_FOUND, type TeamContext } from "./access";

// A team and who is in it. Membership changes lock the team's membership rows first (lockedMembers),
// so the rule "a team keeps at least one owner" holds under concurrent changes.

const LAST_OWNER = "A team needs at least one owner: make someone else an owner first.";
const NOT_A_MEMBER = "That person is not a member of this team.";

function ownersIn(members: { role: Role }[]) {
  return members.filter((m) => m.role === "owner").length;
}

/** Anyone signed in may start a team; they become its owner. */
export async function createTeam(db: Db, userId: string, input: { name: string }) {
  return db.transaction(async (tx) => {
    const [team] = await tx.insert(teams).values({ name: input.name }).returning();
    await tx.insert(memberships).values({ teamId: team!.id, userId, role: "owner" });
    await appendEvent(tx, { teamId: team!.id, actorId: userId, type: "team.created", payload: { name: input.name } });
    return team!;
  });
}

export async function changeMemberRole(ctx: TeamContext<"team.changeRole">, input: { userId: string; role: Role }) {
  const members = await lockedMembers(ctx.tx, ctx.teamId);
  const target = members.find((m) => m.userId === input.userId);
  if (!target) throw new NotFoundError(NOT_A_MEMBER);
  const actor = members.find((m) => m.userId === ctx.actor.userId);
  if (!actor) throw new NotFoundError(TEAM_NOT_FOUND);
  if (!canManageMember(actor.role, target.role, input.role)) {
    throw new ForbiddenError("Only an owner can change an owner's role or make someone an owner.");
  }
  if (target.role === input.role) return { changed: false as const };
  if (target.role === "owner" && ownersIn(members) === 1) throw new ConflictError(LAST_OWNER);
  await ctx.tx
    .update(memberships)
    .set({ role: input.role })
    .where(and(eq(memberships.teamId, ctx.teamId), eq(memberships.userId, input.userId)));
  await appendEvent(ctx.tx, {
    teamId: ctx.teamId,
    actorId: ctx.actor.userId,
    type: "member.role_changed",
    payload: { userId: target.userId, name: target.name, from: target.role, to: input.role },
  });
  return { changed: true as const, message: `${target.name} is now ${ROLE_LABELS[input.role].toLowerCase()}.` };
}

export async function removeMember(ctx: TeamContext<"team.removeMember">, input: { userId: string }) {
  if (input.userId === ctx.actor.userId) throw new ConflictError("To remove yourself, leave the team instead.");
  const members = await lockedMembers(ctx.tx, ctx.teamId);
  const target = members.find((m) => m.userId === input.userId);
  if (!target) throw new NotFoundError(NOT_A_MEMBER);
  const actor = members.find((m) => m.userId === ctx.actor.userId);
  if (!actor) throw new NotFoundError(TEAM_NOT_FOUND);
  if (!canManageMember(actor.role, target.role)) throw new ForbiddenError("Only an owner can remove an owner.");
  if (target.role === "owner" && ownersIn(members) === 1) throw new ConflictError(LAST_OWNER);
  await ctx.tx.delete(memberships).where(and(eq(memberships.teamId, ctx.teamId), eq(memberships.userId, input.userId)));
  await appendEvent(ctx.tx, {
    teamId: ctx.teamId,
    actorId: ctx.actor.userId,
    type: "member.removed",
    payload: { userId: target.userId, name: target.name, role: target.role },
  });
  return { message: `${target.name} was removed from the team.` };
}

export async function leaveTeam(ctx: TeamContext<"team.view">) {
  const members = await lockedMembers(ctx.tx, ctx.teamId);
  const me = members.find((m) => m.userId === ctx.actor.userId);
  if (!me) throw new NotFoundError(TEAM_NOT_FOUND);
  if (me.role === "owner" && ownersIn(members) === 1) {
    throw new ConflictError("You are the last owner: make someone else an owner before you leave.");
  }
  await ctx.tx.delete(memberships).where(and(eq(memberships.teamId, ctx.teamId), eq(memberships.userId, ctx.actor.userId)));
  await appendEvent(ctx.tx, {
    teamId: ctx.teamId,
    actorId: ctx.actor.userId,
    type: "member.left",
    payload: { userId: me.userId, name: me.name, role: me.role },
  });
}
