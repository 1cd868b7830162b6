import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { appendEvent } from "../../db/queries/events";
import { creatorRole, findInviteByHash, removedSince } from "../../db/queries/invites";
import { memberRole } from "../../db/queries/teams";
import { invites, memberships, users } from "../../db/schema";
import { invitableRoles, type Role } from "../auth/roles";
import { openInviteToken, sealInviteToken } from "../auth/sealed-tokens";
import { generateToken, hashToken, isWellFormedToken } from "../auth/tokens";
import { type InviteStatus, inviteStatus, UNUSABLE_INVITE_COPY, type UnusableInvite } from "../domain/invite-status";
import { AppError, ConflictError, ForbiddenError, NotFoundError } from "../errors";
import type { CreateInviteInput } from "../validation/invite";
import type { TeamContext } from "./access";

// Invite links: made and revoked by owners and admins, opened and accepted by anyone signed in
// who holds the link. Links are found by the token's hash; the token itself is kept only sealed
// (lib/auth/sealed-tokens.ts), so that the people who may hand the link out can copy it again.

const DAY_MS = 24 * 60 * 60 * 1000;

export async function createInvite(ctx: TeamContext<"team.invite">, input: Omit<CreateInviteInput, "teamId">) {
  if (!invitableRoles(ctx.actor.role).includes(input.role)) {
    throw new ForbiddenError("Only an owner can invite new owners.", { role: "Only an owner can invite new owners." });
  }
  const token = generateToken();
  const id = randomUUID();
  const expiresAt = new Date(ctx.now.getTime() + input.expiresInDays * DAY_MS);
  const [invite] = await ctx.tx
    .insert(invites)
    .values({
      id,
      teamId: ctx.teamId,
      tokenHash: hashToken(token),
      tokenCiphertext: sealInviteToken(token, id),
      role: input.role,
      createdBy: ctx.actor.userId,
      expiresAt,
      maxUses: input.maxUses ?? null,
    })
    .returning();
  await appendEvent(ctx.tx, {
    at: ctx.now,
    teamId: ctx.teamId,
    actorId: ctx.actor.userId,
    type: "invite.created",
    payload: { inviteId: invite!.id, role: input.role, expiresAt: expiresAt.toISOString(), maxUses: input.maxUses ?? null },
  });
  return { invite: invite!, token };
}

export async function revokeInvite(ctx: TeamContext<"team.invite">, input: { inviteId: string }) {
  const [revoked] = await ctx.tx
    .update(invites)
    .set({ revokedAt: ctx.now })
    .where(and(eq(invites.id, input.inviteId), eq(invites.teamId, ctx.teamId), isNull(invites.revokedAt)))
    .returning({ id: invites.id, role: invites.role });
  if (!revoked) throw new NotFoundError("That invite does not exist or was already revoked.");
  await appendEvent(ctx.tx, {
    at: ctx.now,
    teamId: ctx.teamId,
    actorId: ctx.actor.userId,
    type: "invite.revoked",
    payload: { inviteId: revoked.id, role: revoked.role },
  });
}

/**
 * A new token for an active invite, on the same terms (role, expiry, use limit, uses so far): the
 * old link stops working at once. For a link that leaked, or one made before links were kept.
 */
export async function regenerateInvite(ctx: TeamContext<"team.invite">, input: { inviteId: string }) {
  const [invite] = await ctx.tx
    .select()
    .from(invites)
    .where(and(eq(invites.id, input.inviteId), eq(invites.teamId, ctx.teamId)))
    .for("update");
  if (!invite) throw new NotFoundError("That invite does not exist.");
  if (!invitableRoles(ctx.actor.role).includes(invite.role)) throw new ForbiddenError("Only an owner can regenerate an owner invite.");
  if (inviteStatus(invite, ctx.now) !== "valid") throw new ConflictError("Only an active invite can be regenerated. Create a new link instead.");
  const token = generateToken();
  await ctx.tx
    .update(invites)
    .set({ tokenHash: hashToken(token), tokenCiphertext: sealInviteToken(token, invite.id) })
    .where(eq(invites.id, invite.id));
  await appendEvent(ctx.tx, {
    at: ctx.now,
    teamId: ctx.teamId,
    actorId: ctx.actor.userId,
    type: "invite.regenerated",
    payload: { inviteId: invite.id, role: invite.role },
  });
  return { token };
}

/** What the invites table offers for one link: its path to copy, a note that it cannot be shown again, or nothing. */
export type InviteLink = { kind: "copy"; path: string } | { kind: "unrecoverable" } | null;

/**
 * Only active links whose role the viewer may hand out themselves are opened: an admin does not
 * get an owner's owner invite. A link made before tokens were kept, or sealed under an earlier
 * AUTH_SECRET, cannot be shown again and needs regenerating.
 */
export function inviteLinkFor(viewerRole: Role, invite: { id: string; role: Role; status: InviteStatus; tokenCiphertext: string | null }): InviteLink {
  if (invite.status !== "valid" || !invitableRoles(viewerRole).includes(invite.role)) return null;
  const token = invite.tokenCiphertext ? openInviteToken(invite.tokenCiphertext, invite.id) : null;
  return token ? { kind: "copy", path: `/invite/${token}` } : { kind: "unrecoverable" };
}

type InviteGrant = { teamId: string; role: Role; createdBy: string; createdAt: Date };

/**
 * Why a link that is valid in itself still cannot let `userId` in, judged on the team as it is
 * now: the creator must still be a member allowed to grant the link's role, and a person removed
 * since the link was made cannot use it to come back. `lock` holds the creator's role until the
 * caller's transaction ends, so a demotion cannot slip in between check and join.
 */
async function authorityProblem(db: Executor, invite: InviteGrant, userId: string | undefined, lock = false): Promise<UnusableInvite | null> {
  const creator = await creatorRole(db, invite, lock);
  if (!creator || !invitableRoles(creator).includes(invite.role)) return "inviter_lost_authority";
  if (!userId) return null;
  return (await removedSince(db, invite, userId)) ? "removed_since" : null;
}

export type InviteLookup = { status: UnusableInvite } | { status: "valid"; teamId: string; teamName: string; role: Role; expiresAt: Date };

/** What an invite link points at, for the page that opens it (as `userId`, when signed in). Reads only. */
export async function lookupInvite(db: Executor, token: string, now = new Date(), userId?: string): Promise<InviteLookup> {
  if (!isWellFormedToken(token)) return { status: "invalid" };
  const row = await findInviteByHash(db, hashToken(token));
  if (!row) return { status: "invalid" };
  const status = inviteStatus(row, now);
  if (status !== "valid") return { status };
  const problem = await authorityProblem(db, row, userId);
  if (problem) return { status: problem };
  return { status, teamId: row.teamId, teamName: row.teamName, role: row.role, expiresAt: row.expiresAt };
}

export class InviteUnusableError extends AppError {
  constructor(readonly status: UnusableInvite) {
    super(`${UNUSABLE_INVITE_COPY[status].title}. ${UNUSABLE_INVITE_COPY[status].detail}`);
  }
}

export type AcceptResult = { teamId: string; alreadyMember: boolean };

/** Anyone signed in who holds a usable link joins its team with the link's role. */
export async function acceptInvite(db: Db, userId: string, token: string, now = new Date()): Promise<AcceptResult> {
  if (!isWellFormedToken(token)) throw new InviteUnusableError("invalid");
  return db.transaction(async (tx) => {
    // Row lock: two people taking the last use of a link at once cannot both get in.
    const invite = await findInviteByHash(tx, hashToken(token), true);
    if (!invite) throw new InviteUnusableError("invalid");
    if (await memberRole(tx, invite.teamId, userId)) return { teamId: invite.teamId, alreadyMember: true };
    const status = inviteStatus(invite, now);
    if (status !== "valid") throw new InviteUnusableError(status);
    const problem = await authorityProblem(tx, invite, userId, true);
    if (problem) throw new InviteUnusableError(problem);
    await tx.insert(memberships).values({ teamId: invite.teamId, userId, role: invite.role });
    await tx
      .update(invites)
      .set({ uses: sql`${invites.uses} + 1` })
      .where(eq(invites.id, invite.id));
    const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
    await appendEvent(tx, {
      at: now,
      teamId: invite.teamId,
      actorId: userId,
      type: "member.joined",
      payload: { userId, name: user?.name ?? null, role: invite.role, inviteId: invite.id },
    });
    return { teamId: invite.teamId, alreadyMember: false };
  });
}
