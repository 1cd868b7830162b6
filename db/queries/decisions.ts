import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import type { DecisionStatus } from "../../lib/domain/phases";
import type { Executor } from "../client";
import { criteria, decisions, frameworks, options, outcomes, users, type Decision } from "../schema";

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
export type RowWindow = { limit: number; offset: number };

/**
 * effectiveStatus (lib/domain/phases.ts) as SQL: the status once passed deadlines apply. The log
 * filters and counts by it in the database; tests/integration/page-queries.test.ts holds the two
 * to the same answers.
 */
export function effectiveStatusSql(now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql<DecisionStatus>`case
    when ${decisions.status} = 'weighting' and ${decisions.weightingDeadline} <= ${at} and ${decisions.scoringDeadline} <= ${at} then 'revealed'::decision_status
    when ${decisions.status} = 'weighting' and ${decisions.weightingDeadline} <= ${at} then 'scoring'::decision_status
    when ${decisions.status} = 'scoring' and ${decisions.scoringDeadline} <= ${at} then 'revealed'::decision_status
    else ${decisions.status} end`;
}

function logConditions(teamId: string, filter: DecisionListFilter, now: Date) {
  const conditions = [eq(decisions.teamId, teamId)];
  if (filter.status) conditions.push(sql`${effectiveStatusSql(now)} = ${filter.status}::decision_status`);
  if (filter.q) conditions.push(ilike(decisions.title, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return and(...conditions);
}

/** One page of the team's decision log, newest first, filtered by effective status and title in the database. */
export async function listDecisions(
  db: Executor,
  teamId: string,
  filter: DecisionListFilter = {},
  page: RowWindow = { limit: 50, offset: 0 },
  now = new Date(),
) {
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
    .where(logConditions(teamId, filter, now))
    .orderBy(desc(decisions.createdAt), desc(decisions.id))
    .limit(page.limit)
    .offset(page.offset);
}

/** How many decisions the same filter finds. */
export async function countDecisions(db: Executor, teamId: string, filter: DecisionListFilter = {}, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(decisions)
    .where(logConditions(teamId, filter, now));
  return row?.n ?? 0;
}
