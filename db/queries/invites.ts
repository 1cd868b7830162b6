import "server-only";
import { and, desc, eq, gte, notExists, sql } from "drizzle-orm";
import { inviteStatus } from "../../lib/domain/invite-status";
import type { Role } from "../../lib/domain/roles";
import type { Executor } from "../client";
import { events, invites, memberships, teams, users } from "../schema";

/** The team's invite links, newest first: one page of them (50 unless told). */
export async function listInvites(db: Executor, teamId: string, now = new Date(), page = { limit: 50, offset: 0 }) {
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
      tokenCiphertext: invites.tokenCiphertext,
    })
    .from(invites)
    .innerJoin(users, eq(users.id, invites.createdBy))
    .where(eq(invites.teamId, teamId))
    .orderBy(desc(invites.createdAt), desc(invites.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((row) => ({ ...row, status: inviteStatus(row, now) }));
}

/** The invite a token's hash names, with its team's name; `lock` holds it for the caller's transaction. */
export async function findInviteByHash(db: Executor, tokenHash: string, lock = false) {
  const query = db
    .select({
      id: invites.id,
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
    .where(eq(invites.tokenHash, tokenHash))
    .limit(1);
  const [row] = lock ? await query.for("update", { of: invites }) : await query;
  return row ?? null;
}

/** The role of the person who made an invite, if they are still a member; `lock` holds it (share). */
export async function creatorRole(db: Executor, invite: { teamId: string; createdBy: string }, lock = false): Promise<Role | null> {
  const query = db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.teamId, invite.teamId), eq(memberships.userId, invite.createdBy)))
    .limit(1);
  const [row] = lock ? await query.for("share") : await query;
  return row?.role ?? null;
}

/** Whether the person was removed from the team since the invite was made, and is not back in. */
export async function removedSince(db: Executor, invite: { teamId: string; createdAt: Date }, userId: string): Promise<boolean> {
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
  return Boolean(removal);
}
