import "server-only";
import { and, desc, eq, gte, isNull, notExists, sql } from "drizzle-orm";
import { requireTeamRole } from "../../lib/auth/guard";
import { invitableRoles, type Role } from "../../lib/auth/roles";
import { generateToken, hashToken, isWellFormedToken } from "../../lib/auth/tokens";
import { inviteStatus, UNUSABLE_INVITE_COPY, type UnusableInvite } from "../../lib/domain/invite-status";
import { AppError, ForbiddenError, NotFoundError } from "../../lib/errors";
import type { CreateInviteInput } from "../../lib/validation/invite";
import type { Db, Executor } from "../client";
import { events, invites, memberships, teams, users } from "../schema";
import { appendEvent } from "./events";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function createInvite(db: Db, actorId: string, input: CreateInviteInput, now = new Date()) {
  const access = await requireTeamRole(db, actorId, input.teamId, "team.invite");
  if (!invitableRoles(access.role).includes(input.role)) {
    throw new ForbiddenError("Only an owner can invite new owners.", { role: "Only an owner can invite new owners." });
  }
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS);
  const invite = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invites)
      .values({
        teamId: input.teamId,
        tokenHash: hashToken(token),
        role: input.role,
        createdBy: actorId,
        expiresAt,
        maxUses: input.maxUses ?? null,
      })
      .returning();
    await appendEvent(tx, {
      at: now,
      teamId: input.teamId,
      actorId,
      type: "invite.created",
      payload: { inviteId: row!.id, role: input.role, expiresAt: expiresAt.toISOString(), maxUses: input.maxUses ?? null },
    });
    return row!;
  });
  return { invite, token };
}

export async function listInvites(db: Executor, teamId: string, now = new Date()) {
  const rows = await db
    .select({
      id: invites.id,
      role: invites.role,
      expiresAt: invites.expiresAt,
      maxUses: invites.maxUses,
      uses: invites.uses,
      revokedAt: invites.revokedAt,
      createdAt: invites.createdAt,
      createdByName: users.name,
    })
    .from(invites)
    .innerJoin(users, eq(users.id, invites.createdBy))
    .where(eq(invites.teamId, teamId))
    .orderBy(desc(invites.createdAt))
    .limit(50);
  return rows.map((row) => ({ ...row, status: inviteStatus(row, now) }));
}

export async function revokeInvite(db: Db, actorId: string, input: { teamId: string; inviteId: string }, now = new Date()) {
  await requireTeamRole(db, actorId, input.teamId, "team.invite");
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(invites)
      .set({ revokedAt: now })
      .where(and(eq(invites.id, input.inviteId), eq(invites.teamId, input.teamId), isNull(invites.revokedAt)))
      .returning({ id: invites.id, role: invites.role });
    if (!revoked) throw new NotFoundError("That invite does not exist or was already revoked.");
    await appendEvent(tx, { at: now, teamId: input.teamId, actorId, type: "invite.revoked", payload: { inviteId: revoked.id, role: revoked.role } });
  });
}

type InviteGrant = { teamId: string; role: Role; createdBy: string; createdAt: Date };

/**
 * Why a link that is valid in itself still cannot let `userId` in, judged on the team as it is
 * now: the creator must still be a member allowed to grant the link's role, and a person removed
 * since the link was made cannot use it to come back. `lock` holds the creator's role until the
 * caller's transaction ends, so a demotion cannot slip in between check and join.
 */
async function authorityProblem(db: Executor, invite: InviteGrant, userId: string | undefined, lock = false): Promise<UnusableInvite | null> {
  const creatorQuery = db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.teamId, invite.teamId), eq(memberships.userId, invite.createdBy)))
    .limit(1);
  const [creator] = lock ? await creatorQuery.for("share") : await creatorQuery;
  if (!creator || !invitableRoles(creator.role).includes(invite.role)) return "inviter_lost_authority";
  if (!userId) return null;
  const [removal] = await db
    .select({ id: events.id })
    .from(events)
    .where(
      and(
        eq(events.teamId, invite.teamId),
        eq(events.type, "member.removed"),
        sql`${events.payload}->>'userId' = ${userId}`,
        gte(events.createdAt, invite.createdAt),
        // Someone let back in since (through a newer link) is simply a member again.
        notExists(
          db
            .select({ one: sql`1` })
            .from(memberships)
            .where(and(eq(memberships.teamId, invite.teamId), eq(memberships.userId, userId))),
        ),
      ),
    )
    .limit(1);
  return removal ? "removed_since" : null;
}

export type InviteLookup = { status: UnusableInvite } | { status: "valid"; teamId: string; teamName: string; role: Role; expiresAt: Date };

/** What an invite link points at, for the page that opens it (as `userId`, when signed in). Reads only. */
export async function lookupInvite(db: Executor, token: string, now = new Date(), userId?: string): Promise<InviteLookup> {
  if (!isWellFormedToken(token)) return { status: "invalid" };
  const [row] = await db
    .select({
      teamId: invites.teamId,
      teamName: teams.name,
      role: invites.role,
      expiresAt: invites.expiresAt,
      maxUses: invites.maxUses,
      uses: invites.uses,
      revokedAt: invites.revokedAt,
      createdBy: invites.createdBy,
      createdAt: invites.createdAt,
    })
    .from(invites)
    .innerJoin(teams, eq(teams.id, invites.teamId))
    .where(eq(invites.tokenHash, hashToken(token)))
    .limit(1);
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

export async function acceptInvite(db: Db, userId: string, token: string, now = new Date()): Promise<AcceptResult> {
  if (!isWellFormedToken(token)) throw new InviteUnusableError("invalid");
  return db.transaction(async (tx) => {
    // Row lock: two people taking the last use of a link at once cannot both get in.
    const [invite] = await tx
      .select()
      .from(invites)
      .where(eq(invites.tokenHash, hashToken(token)))
      .for("update")
      .limit(1);
    if (!invite) throw new InviteUnusableError("invalid");
    const [existing] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.teamId, invite.teamId), eq(memberships.userId, userId)))
      .limit(1);
    const status = inviteStatus(invite, now);
    if (existing) return { teamId: invite.teamId, alreadyMember: true };
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
