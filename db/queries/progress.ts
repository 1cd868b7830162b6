import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Role } from "../../lib/domain/roles";
import type { Executor } from "../client";
import { ballots, memberships, users } from "../schema";
import { WEIGHTS_ROUND } from "./ballots";
import { jsonList } from "./json";
import { weightsSetAsideSql } from "./withdrawals";

export type VoterProgress = { userId: string; name: string; weighted: boolean; scored: boolean };

/**
 * "4 of 6 have submitted", the viewer's own state and one page of voters by name, in one query
 * whatever the size of the team. Counts and flags only, never values: safe before the reveal.
 * The same answers as progress() in ./ballots.ts, which lists every voter; and whether the viewer's
 * weights were set aside when the decision went back to draft.
 */
export async function progressPage(
  db: Executor,
  ref: { teamId: string; decisionId: string; round: number; userId: string },
  votingRoles: readonly Role[],
  page: { limit: number; offset: number },
) {
  const submitted = (kind: "weights" | "scores", round: number) => sql<boolean>`exists (
    select 1 from ${ballots}
    where ${ballots.decisionId} = ${ref.decisionId} and ${ballots.userId} = ${memberships.userId} and ${ballots.kind} = ${kind} and ${ballots.round} = ${round})`;
  const onePage = sql`
    select json_agg(json_build_object('userId', p.voter_id, 'name', p.voter_name, 'weighted', p.weighted, 'scored', p.scored) order by p.voter_name, p.voter_id)
    from (select * from voters order by voter_name, voter_id limit ${page.limit} offset ${page.offset}) p`;
  const voters = db.$with("voters").as(
    db
      .select({
        voterId: sql<string>`${memberships.userId}`.as("voter_id"),
        voterName: sql<string>`${users.name}`.as("voter_name"),
        weighted: submitted("weights", WEIGHTS_ROUND).as("weighted"),
        scored: submitted("scores", ref.round).as("scored"),
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.teamId, ref.teamId), inArray(memberships.role, [...votingRoles]))),
  );
  const [row] = await db
    .with(voters)
    .select({
      eligible: sql<number>`count(*)::int`,
      weighted: sql<number>`(count(*) filter (where weighted))::int`,
      scored: sql<number>`(count(*) filter (where scored))::int`,
      meWeighted: sql<boolean>`coalesce(bool_or(weighted) filter (where voter_id = ${ref.userId}), false)`,
      meScored: sql<boolean>`coalesce(bool_or(scored) filter (where voter_id = ${ref.userId}), false)`,
      // Whether going back to draft set the viewer's weights aside and they have not weighted since.
      meSetAside: weightsSetAsideSql(ref),
      voters: jsonList<VoterProgress>(onePage),
    })
    .from(voters);
  const { meWeighted, meScored, meSetAside, ...counts } = row!;
  return { ...counts, me: { weighted: meWeighted, scored: meScored, weightsSetAside: meSetAside } };
}
