import "server-only";
import { and, asc, count, eq, type SQL, sql } from "drizzle-orm";
import { type Role, ROLES } from "../../lib/domain/roles";
import type { Executor } from "../client";
import { events, memberships, teams, users } from "../schema";

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

/**
 * The team's name and how many members it has, for a page that lists them a page at a time; `also`
 * adds columns (subqueries on the team) for a page that has no statement to spare.
 */
export async function teamWithMemberCount<Also extends Record<string, SQL>>(db: Executor, teamId: string, also: Also = {} as Also) {
  const [row] = await db
    .select({
      ...also,
      id: teams.id,
      name: teams.name,
      members: sql<number>`(select count(*) from ${memberships} where ${memberships.teamId} = ${teams.id})::int`,
      // Where the team page's live updates start: its latest event, read on the (team, id) index.
      // Spelled out: in a one-table select drizzle leaves columns unqualified, and events has an id too.
      lastEventId: sql<string | number | null>`(select max(e.id) from ${events} e where e.team_id = "teams"."id")`,
    })
    .from(teams)
    .where(eq(teams.id, teamId))
    .limit(1);
  return row ? { ...row, lastEventId: Number(row.lastEventId ?? 0) } : null;
}

/** Members by role rank (owner first), then name; one page of them when `page` is given. */
export async function listMembers(db: Executor, teamId: string, page?: { limit: number; offset: number }) {
  const query = db
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
      asc(users.id),
    );
  return page ? query.limit(page.limit).offset(page.offset) : query;
}

/** The member's role and the team's name in one read: what a team page starts from (null for a non-member). */
export async function memberRoleAndTeamName(db: Executor, teamId: string, userId: string): Promise<{ role: Role; teamName: string } | null> {
  const [row] = await db
    .select({ role: memberships.role, teamName: teams.name })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** The person's role in the team, or null when they are not a member. */
export async function memberRole(db: Executor, teamId: string, userId: string): Promise<Role | null> {
  return (await memberRoleAndTeamName(db, teamId, userId))?.role ?? null;
}

/**
 * Locks the team's membership rows for the rest of the transaction, so two owners demoting each
 * other at once cannot leave the team without an owner.
 */
export async function lockedMembers(tx: Executor, teamId: string) {
  return tx
    .select({ userId: memberships.userId, role: memberships.role, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, teamId))
    .for("update", { of: memberships });
}
