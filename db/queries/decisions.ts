import "server-only";
import { and, asc, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import type { DecisionStatus } from "../../lib/domain/phases";
import type { Role } from "../../lib/domain/roles";
import type { Executor } from "../client";
import { ballots, criteria, decisions, frameworks, memberships, options, outcomes, teams, users, type Decision } from "../schema";

/** The decision row, only if it belongs to the team. */
export async function findDecision(db: Executor, teamId: string, decisionId: string, lock?: "update" | "share") {
  const query = db
    .select()
    .from(decisions)
    .where(and(eq(decisions.id, decisionId), eq(decisions.teamId, teamId)))
    .limit(1);
  const [row] = lock ? await query.for(lock) : await query;
  return row ?? null;
}

/** Catalog entries by slug, in the order asked; slugs not in the catalog are left out. */
export async function catalogEntries(db: Executor, slugs: string[]) {
  if (slugs.length === 0) return [];
  const found = await db.select().from(frameworks).where(inArray(frameworks.slug, slugs));
  return slugs.flatMap((slug) => found.filter((f) => f.slug === slug));
}

/** Options and criteria of a decision in display order: two queries, whatever the size. */
export async function loadStructure(db: Executor, decisionId: string) {
  const [optionRows, criterionRows] = await Promise.all([
    db.select().from(options).where(eq(options.decisionId, decisionId)).orderBy(asc(options.position)),
    db.select().from(criteria).where(eq(criteria.decisionId, decisionId)).orderBy(asc(criteria.position)),
  ]);
  return { options: optionRows, criteria: criterionRows };
}

export async function facilitatorName(db: Executor, decision: Decision) {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, decision.facilitatorId));
  return row?.name ?? "Unknown";
}

export type DecisionListFilter = { status?: DecisionStatus; q?: string };

/** The team's decision log: one query, newest first. */
export async function listDecisions(db: Executor, teamId: string, filter: DecisionListFilter = {}) {
  const conditions = [eq(decisions.teamId, teamId)];
  if (filter.status) conditions.push(eq(decisions.status, filter.status));
  if (filter.q) conditions.push(ilike(decisions.title, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return db
    .select({
      id: decisions.id,
      title: decisions.title,
      status: decisions.status,
      weightingDeadline: decisions.weightingDeadline,
      scoringDeadline: decisions.scoringDeadline,
      createdAt: decisions.createdAt,
      decidedAt: decisions.decidedAt,
      supersededById: decisions.supersededById,
      deprecatedAt: decisions.deprecatedAt,
      anonymous: decisions.anonymous,
      facilitatorName: users.name,
      chosenOptionName: outcomes.chosenOptionName,
    })
    .from(decisions)
    .innerJoin(users, eq(users.id, decisions.facilitatorId))
    .leftJoin(outcomes, eq(outcomes.decisionId, decisions.id))
    .where(and(...conditions))
    .orderBy(desc(decisions.createdAt))
    .limit(200);
}

/**
 * Open decisions (weighting or scoring, as stored) in the person's teams where their role votes,
 * with whether they have sent their weights and their scores of the current round. Deadlines are
 * applied by the caller (partAwaited); one query however many teams.
 */
export async function openDecisionsFor(db: Executor, userId: string, votingRoles: readonly Role[], teamId?: string) {
  const sent = (kind: "weights" | "scores") =>
    sql<boolean>`exists (select 1 from ${ballots} where ${ballots.decisionId} = ${decisions.id} and ${ballots.userId} = ${userId} and ${ballots.kind} = ${kind} and ${ballots.round} = ${kind === "weights" ? sql`1` : decisions.currentRound})`;
  return db
    .select({
      id: decisions.id,
      teamId: decisions.teamId,
      teamName: teams.name,
      title: decisions.title,
      status: decisions.status,
      weightingDeadline: decisions.weightingDeadline,
      scoringDeadline: decisions.scoringDeadline,
      weighted: sent("weights"),
      scored: sent("scores"),
    })
    .from(decisions)
    .innerJoin(memberships, and(eq(memberships.teamId, decisions.teamId), eq(memberships.userId, userId), inArray(memberships.role, [...votingRoles])))
    .innerJoin(teams, eq(teams.id, decisions.teamId))
    .where(and(inArray(decisions.status, ["weighting", "scoring"]), teamId ? eq(decisions.teamId, teamId) : undefined))
    .orderBy(
      sql`case when ${decisions.status} = 'weighting' then ${decisions.weightingDeadline} else ${decisions.scoringDeadline} end asc nulls last`,
      desc(decisions.createdAt),
    )
    .limit(50);
}
