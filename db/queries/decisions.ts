import "server-only";
import { and, count, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DecisionStatus } from "../../lib/domain/phases";
import type { Role } from "../../lib/domain/roles";
import type { Executor } from "../client";
import { jsonList } from "./json";
import { ballots, criteria, decisions, events, frameworks, memberships, options, outcomeAmendments, outcomes, teams, users, type Decision } from "../schema";

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

type OptionRow = typeof options.$inferSelect;
type CriterionRow = typeof criteria.$inferSelect;

/**
 * A decision's options and criteria, whole rows in display order, as two JSON lists a statement
 * can select beside its other columns (see loadStructure, scoreSheetSource).
 */
export function structureLists(decisionId: string) {
  return {
    options: jsonList<OptionRow>(sql`
      select json_agg(json_build_object('id', o.id, 'decisionId', o.decision_id, 'frameworkSlug', o.framework_slug, 'name', o.name,
                                        'description', o.description, 'link', o.link, 'position', o.position) order by o.position)
      from ${options} o where o.decision_id = ${decisionId}`),
    criteria: jsonList<CriterionRow>(sql`
      select json_agg(json_build_object('id', c.id, 'decisionId', c.decision_id, 'name', c.name, 'description', c.description,
                                        'position', c.position) order by c.position)
      from ${criteria} c where c.decision_id = ${decisionId}`),
  };
}

/**
 * Options and criteria of a decision in display order, in one statement whatever the size: every
 * page that shows a sheet reads them, and a statement fewer is a round trip and a socket write
 * fewer for each view.
 */
export async function loadStructure(db: Executor, decisionId: string): Promise<{ options: OptionRow[]; criteria: CriterionRow[] }> {
  const [row] = await db.select(structureLists(decisionId)).from(sql`(select 1) as one`);
  return row!;
}

export type OverviewOption = { id: string; name: string; description: string; link: string | null; frameworkSlug: string | null };
export type OverviewCriterion = { id: string; name: string; description: string };
export type DecisionLink = { id: string; title: string };

const superseding = alias(decisions, "superseding");
const candidate = alias(decisions, "candidate");

/**
 * What the decision page shows of a decision besides its votes and history, in one query: the
 * facilitator, the options and criteria, the recorded outcome (not its frozen snapshot, which can
 * be large), what supersedes it and what it supersedes, and, when `candidates` is above 0, that
 * many of the team's other decided, unsuperseded decisions (newest first) that could supersede it.
 */
/** An amendment as the overview reads it: its time comes as JSON text. */
type AmendmentRow = { id: string; text: string; reason: string; createdAt: string; authorName: string | null };

export async function decisionOverview(
  db: Executor,
  decision: Pick<Decision, "id" | "teamId">,
  limits: { candidates: number; supersedes: number; amendments: number },
) {
  const optionList = sql`
    select json_agg(json_build_object('id', ${options.id}, 'name', ${options.name}, 'description', ${options.description},
                                      'link', ${options.link}, 'frameworkSlug', ${options.frameworkSlug}) order by ${options.position})
    from ${options} where ${options.decisionId} = ${decision.id}`;
  const criterionList = sql`
    select json_agg(json_build_object('id', ${criteria.id}, 'name', ${criteria.name}, 'description', ${criteria.description}) order by ${criteria.position})
    from ${criteria} where ${criteria.decisionId} = ${decision.id}`;
  // Superseding writes a "decision.supersedes" event on the newer decision, naming the older one.
  const supersededList = sql`
    select json_agg(json_build_object('id', e.payload->>'decisionId', 'title', coalesce(e.payload->>'title', 'An earlier decision')) order by e.id)
    from (select ${events.id} as id, ${events.payload} as payload from ${events}
          where ${events.teamId} = ${decision.teamId} and ${events.decisionId} = ${decision.id} and ${events.type} = 'decision.supersedes'
          order by ${events.id} limit ${limits.supersedes}) e`;
  const candidateList = sql`
    select json_agg(json_build_object('id', c.id, 'title', c.title) order by c.created_at desc, c.id desc)
    from (select ${candidate.id} as id, ${candidate.title} as title, ${candidate.createdAt} as created_at from ${decisions} as ${candidate}
          where ${candidate.teamId} = ${decision.teamId} and ${candidate.status} = 'decided' and ${candidate.supersededById} is null and ${candidate.id} <> ${decision.id}
          order by ${candidate.createdAt} desc, ${candidate.id} desc limit ${limits.candidates}) c`;
  // Amendments under the record, oldest first: few by nature, but bounded all the same.
  const amendmentList = sql`
    select json_agg(json_build_object('id', a.id, 'text', a.text, 'reason', a.reason, 'createdAt', a.created_at, 'authorName', a.author_name) order by a.created_at, a.id)
    from (select ${outcomeAmendments.id} as id, ${outcomeAmendments.text} as text, ${outcomeAmendments.reason} as reason,
                 ${outcomeAmendments.createdAt} as created_at, (select ${users.name} from ${users} where ${users.id} = ${outcomeAmendments.authorId}) as author_name
          from ${outcomeAmendments}
          where ${outcomeAmendments.decisionId} = ${decision.id} and ${outcomeAmendments.teamId} = ${decision.teamId}
          order by ${outcomeAmendments.createdAt}, ${outcomeAmendments.id} limit ${limits.amendments}) a`;
  const [row] = await db
    .select({
      facilitatorName: users.name,
      chosenOptionName: outcomes.chosenOptionName,
      record: outcomes.record,
      decidedAt: outcomes.decidedAt,
      supersededById: superseding.id,
      supersededByTitle: superseding.title,
      options: jsonList<OverviewOption>(optionList),
      criteria: jsonList<OverviewCriterion>(criterionList),
      supersedes: jsonList<DecisionLink>(supersededList),
      candidates: jsonList<DecisionLink>(limits.candidates > 0 ? candidateList : sql`select null::json`),
      amendments: jsonList<AmendmentRow>(amendmentList),
    })
    .from(decisions)
    .innerJoin(users, eq(users.id, decisions.facilitatorId))
    .leftJoin(outcomes, eq(outcomes.decisionId, decisions.id))
    .leftJoin(superseding, and(eq(superseding.id, decisions.supersededById), eq(superseding.teamId, decisions.teamId)))
    .where(and(eq(decisions.id, decision.id), eq(decisions.teamId, decision.teamId)))
    .limit(1);
  if (!row) return null;
  const { chosenOptionName, record, decidedAt, supersededById, supersededByTitle, amendments, ...rest } = row;
  return {
    ...rest,
    outcome:
      chosenOptionName !== null && record !== null && decidedAt !== null
        ? { chosenOptionName, record, decidedAt, amendments: amendments.map((a) => ({ ...a, createdAt: new Date(a.createdAt) })) }
        : null,
    supersededBy: supersededById !== null && supersededByTitle !== null ? { id: supersededById, title: supersededByTitle } : null,
  };
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
