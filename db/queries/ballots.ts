import "server-only";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Role } from "../../lib/domain/roles";
import type { Executor, Tx } from "../client";
import { finishTransaction } from "../pipelined-begin";
import type { TeamEventType } from "./events";
import { ballots, criteria, events, memberships, options, scores, users, weights } from "../schema";
import { refusalReason } from "./pg-errors";

// Plain reads and writes of weights, scores and ballots. Reads that return others' values do not
// check the seal: the services and page loaders that call them check it first (lib/services/ballots.ts).

/** Weights are given once per decision; their ballot rows all sit in round 1. */
export const WEIGHTS_ROUND = 1;

export type SheetKind = "weights" | "scores";

type SheetBallot = { teamId: string; decisionId: string; userId: string; kind: SheetKind; round: number };

/**
 * Marks a member's sheet as submitted and counts the save. It must be the save's first write and a
 * statement of its own: the ballot row's lock makes one member's saves run one after the other,
 * and each later statement then sees what the save before it committed (a statement sees only what
 * was committed when it began).
 */
function ballotUpsert(ballot: SheetBallot, now: Date): SQL {
  const { decisionId, userId, kind, round } = ballot;
  const at = now.toISOString();
  return sql`
    insert into ${ballots} (decision_id, user_id, kind, round, submitted_at, updated_at)
    values (${decisionId}, ${userId}, ${kind}, ${round}, ${at}::timestamptz, ${at}::timestamptz)
    on conflict (decision_id, user_id, kind, round) do update set updated_at = excluded.updated_at, saves = ${ballots}.saves + 1`;
}

/**
 * Two common table expressions for the statement that writes a sheet's values: `ballot`, whose
 * first_time says whether the ballot row counts one save (ballotUpsert wrote it just before), and
 * `appended`, the save's event (kind.submitted the first time, kind.updated after), with nothing of
 * what the sheet holds.
 */
function sheetEventCtes(ballot: SheetBallot, at: string): SQL {
  const { teamId, decisionId, userId, kind, round } = ballot;
  const submitted: TeamEventType = `${kind}.submitted`;
  const updated: TeamEventType = `${kind}.updated`;
  return sql`ballot as (
      select saves = 1 as first_time from ${ballots}
      where decision_id = ${decisionId} and user_id = ${userId} and kind = ${kind} and round = ${round}
    ), appended as (
      insert into ${events} (team_id, decision_id, actor_id, type, payload, created_at)
      select ${teamId}::uuid, ${decisionId}::uuid, ${userId}::uuid, case when first_time then ${submitted}::text else ${updated}::text end, '{}'::jsonb, ${at}::timestamptz
      from ballot
    )`;
}

/**
 * A sheet's last writes: the ballot row, then `values`, one statement that writes the sheet with
 * its event (sheetEventCtes) and answers first_time. The transaction ends here (see
 * finishTransaction); the event, which holds the team's history-chain head until commit, is written
 * last. When `values` refuses itself (refuse_statement), nothing is written and its reason comes back.
 */
async function finishSheetSave(tx: Tx, ballot: SheetBallot, values: SQL, now: Date): Promise<{ firstTime: boolean; refusal: string | null }> {
  try {
    const [, rows] = await finishTransaction(tx, [ballotUpsert(ballot, now), values]);
    return { firstTime: (rows as { first_time: boolean }[])[0]?.first_time === true, refusal: null };
  } catch (error) {
    const refusal = refusalReason(error);
    if (refusal === undefined) throw error;
    return { firstTime: false, refusal };
  }
}

const UNKNOWN_CRITERION = "unknown criterion";
const UNWEIGHTED = "unweighted criteria: ";

/**
 * A member's weights, as the last writes of its save (see finishSheetSave): a weight for each
 * criterion the sheet names, upserted, with the event. The sheet must weigh exactly the decision's
 * criteria; when it names one the decision does not have (`namesUnknown`), or else leaves some out
 * (`unweighted`, in the form's order), the statement fails itself and nothing is written. Ids are
 * matched as the text the database writes them in, so a criterion's id in capitals is unknown.
 * As for scores (writeScoreSheet), a weight that did not change is not rewritten.
 */
export async function writeWeightSheet(
  tx: Tx,
  ballot: { teamId: string; decisionId: string; userId: string },
  sheet: Readonly<Record<string, number>>,
  now: Date,
): Promise<{ firstTime: boolean; namesUnknown: boolean; unweighted: string[] }> {
  const { decisionId, userId } = ballot;
  const weightsBallot: SheetBallot = { ...ballot, kind: "weights", round: WEIGHTS_ROUND };
  const at = now.toISOString();
  const given = JSON.stringify(Object.entries(sheet).map(([criterionId, weight]) => ({ criterion_id: criterionId, weight })));
  const values = sql`
    with sheet as (
      select * from jsonb_to_recordset(${given}::text::jsonb) as w(criterion_id text, weight integer)
    ), decision_criteria as (
      select id, position from ${criteria} where decision_id = ${decisionId}
    ), known as (
      select k.id as criterion_id, sheet.weight from sheet join decision_criteria k on k.id::text = sheet.criterion_id
    ), unweighted as (
      select id, position from decision_criteria k where not exists (select from known where known.criterion_id = k.id)
    ), upserted as (
      insert into ${weights} (decision_id, criterion_id, user_id, weight, updated_at)
      select ${decisionId}::uuid, criterion_id, ${userId}::uuid, weight, ${at}::timestamptz from known
      on conflict (criterion_id, user_id) do update set weight = excluded.weight, updated_at = excluded.updated_at
      where weights.weight is distinct from excluded.weight
    ), ${sheetEventCtes(weightsBallot, at)}
    select case
      when (select count(*) from known) < (select count(*) from sheet) then refuse_statement(${UNKNOWN_CRITERION})
      when exists (select from unweighted) then refuse_statement(${UNWEIGHTED} || (select string_agg(id::text, ' ' order by position) from unweighted))
      else first_time end as first_time
    from ballot`;
  const { firstTime, refusal } = await finishSheetSave(tx, weightsBallot, values, now);
  const unweighted = refusal?.startsWith(UNWEIGHTED) ? refusal.slice(UNWEIGHTED.length).split(" ") : [];
  return { firstTime, namesUnknown: refusal !== null && unweighted.length === 0, unweighted };
}

export type ScoreCell = { optionId: string; criterionId: string; score: number | null; comment: string | null; evidenceUrl: string | null };

/**
 * A member's score sheet, as the last writes of its save (see finishSheetSave): one statement
 * that makes the member's scores of the round exactly the scored cells of `sheet` and appends the
 * event. Those are upserted, and every other score of theirs in the round (a cell left blank:
 * missing, not zero) is deleted. Those are found by key, as the decision's cells (its grid, read
 * once by the decision's index) the sheet does not score: scanning the member's rows instead would
 * walk every version earlier saves left behind until vacuum, several milliseconds per save under
 * load. Every cell the sheet names, scored or not, must be an option and a criterion of the
 * decision; when one is not, the statement fails itself and nothing is written (`allKnown` false).
 * The sheet names each cell once (the caller makes sure: an upsert cannot touch a row twice).
 * A cell whose score, note and evidence are unchanged is not rewritten: most saves of a sheet
 * change a few cells, and each rewrite leaves a dead row version and its WAL behind. Its
 * updated_at stays the time it last changed.
 */
export async function writeScoreSheet(
  tx: Tx,
  ballot: { teamId: string; decisionId: string; round: number; userId: string },
  sheet: ScoreCell[],
  now: Date,
): Promise<{ allKnown: boolean; firstTime: boolean }> {
  const { decisionId, round, userId } = ballot;
  const scoresBallot: SheetBallot = { ...ballot, kind: "scores" };
  const at = now.toISOString();
  const cells = JSON.stringify(
    sheet.map((c) => ({ option_id: c.optionId, criterion_id: c.criterionId, score: c.score, comment: c.comment, evidence_url: c.evidenceUrl })),
  );
  const values = sql`
    with sheet as (
      select * from jsonb_to_recordset(${cells}::text::jsonb) as c(option_id uuid, criterion_id uuid, score integer, comment text, evidence_url text)
    ), grid as (
      select o.id as option_id, k.id as criterion_id
      from ${options} o cross join ${criteria} k
      where o.decision_id = ${decisionId} and k.decision_id = ${decisionId}
    ), known as (
      select sheet.* from sheet join grid using (option_id, criterion_id)
    ), upserted as (
      insert into ${scores} (decision_id, round, option_id, criterion_id, user_id, score, comment, evidence_url, updated_at)
      select ${decisionId}::uuid, ${round}::integer, option_id, criterion_id, ${userId}::uuid, score, comment, evidence_url, ${at}::timestamptz
      from known where score is not null
      on conflict (round, option_id, criterion_id, user_id)
      do update set score = excluded.score, comment = excluded.comment, evidence_url = excluded.evidence_url, updated_at = excluded.updated_at
      where (scores.score, scores.comment, scores.evidence_url) is distinct from (excluded.score, excluded.comment, excluded.evidence_url)
    ), unscored as (
      select option_id, criterion_id from grid
      except
      select option_id, criterion_id from sheet where score is not null
    ), cleared as (
      delete from ${scores} s using unscored u
      where s.round = ${round} and s.user_id = ${userId} and s.option_id = u.option_id and s.criterion_id = u.criterion_id
    ), ${sheetEventCtes(scoresBallot, at)}
    select case when (select count(*) from known) = (select count(*) from sheet) then first_time else refuse_statement('unknown cell') end as first_time
    from ballot`;
  const { firstTime, refusal } = await finishSheetSave(tx, scoresBallot, values, now);
  return { allKnown: refusal === null, firstTime };
}

/** The caller's own weights. Always allowed: a member may see what they entered. */
export async function ownWeights(db: Executor, decisionId: string, userId: string) {
  return db
    .select({ criterionId: weights.criterionId, weight: weights.weight })
    .from(weights)
    .where(and(eq(weights.decisionId, decisionId), eq(weights.userId, userId)));
}

/** "4 of 6 have submitted": counts only, never values, so it is safe before the reveal. */
export async function progress(db: Executor, teamId: string, decisionId: string, round: number, votingRoles: readonly Role[]) {
  const [voters, submitted] = await Promise.all([
    db
      .select({ userId: memberships.userId, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.teamId, teamId), inArray(memberships.role, [...votingRoles]))),
    db
      .select({ userId: ballots.userId, kind: ballots.kind, round: ballots.round })
      .from(ballots)
      .where(and(eq(ballots.decisionId, decisionId), inArray(ballots.round, [WEIGHTS_ROUND, round]))),
  ]);
  const voterIds = new Set(voters.map((v) => v.userId));
  const counts = (b: (typeof submitted)[number]) => voterIds.has(b.userId) && (b.kind === "weights" || b.round === round);
  const done = (kind: "weights" | "scores") => new Set(submitted.filter((b) => b.kind === kind && counts(b)).map((b) => b.userId));
  const weighted = done("weights");
  const scoredBy = done("scores");
  return {
    voters: voters.map((v) => ({ ...v, weighted: weighted.has(v.userId), scored: scoredBy.has(v.userId) })),
    eligible: voters.length,
    weighted: weighted.size,
    scored: scoredBy.size,
  };
}

export type BallotInputs = {
  members: { id: string; name: string }[];
  weights: { memberId: string; criterionId: string; weight: number }[];
  scores: { memberId: string; optionId: string; criterionId: string; score: number; comment: string | null; evidenceUrl: string | null }[];
};

/**
 * How the team scored each cell in a finished round, as counts per score: shown beside the sheet
 * while members re-score, without names. Only rounds before the current one, so never sealed data.
 */
export async function roundDistribution(db: Executor, decision: { id: string; currentRound: number }, round: number) {
  if (round < 1 || round >= decision.currentRound) return new Map<string, number[]>();
  const rows = await db
    .select({ optionId: scores.optionId, criterionId: scores.criterionId, score: scores.score, n: sql<number>`count(*)::int` })
    .from(scores)
    .where(and(eq(scores.decisionId, decision.id), eq(scores.round, round)))
    .groupBy(scores.optionId, scores.criterionId, scores.score);
  const counts = new Map<string, number[]>();
  for (const row of rows) {
    const key = `${row.optionId}.${row.criterionId}`;
    const histogram = counts.get(key) ?? [0, 0, 0, 0, 0];
    histogram[row.score - 1] = row.n;
    counts.set(key, histogram);
  }
  return counts;
}

/** Everyone's scores of each finished round, for showing how the ranking moved. */
export async function roundsOf(db: Executor, decisionId: string, rounds: number): Promise<BallotInputs[]> {
  return Promise.all(Array.from({ length: rounds }, (_, i) => ballotsOf(db, decisionId, i + 1)));
}

/** Unchecked read for code that has already passed the seal (deciding, snapshots). */
export async function ballotsOf(db: Executor, decisionId: string, round = 1): Promise<BallotInputs> {
  const [weightRows, scoreRows, people] = await Promise.all([
    db.select({ memberId: weights.userId, criterionId: weights.criterionId, weight: weights.weight }).from(weights).where(eq(weights.decisionId, decisionId)),
    db
      .select({
        memberId: scores.userId,
        optionId: scores.optionId,
        criterionId: scores.criterionId,
        score: scores.score,
        comment: scores.comment,
        evidenceUrl: scores.evidenceUrl,
      })
      .from(scores)
      .where(and(eq(scores.decisionId, decisionId), eq(scores.round, round))),
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(ballots)
      .innerJoin(users, eq(users.id, ballots.userId))
      .where(eq(ballots.decisionId, decisionId)),
  ]);
  people.sort((a, b) => a.name.localeCompare(b.name));
  return { members: people, weights: weightRows, scores: scoreRows };
}
