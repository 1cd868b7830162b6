import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { rowsOf } from "./rows";

// Reads for the results page, a fixed number of queries whatever the size of the decision. The
// scores travel as one row per member, each sheet packed into a string by the database, because
// building one object per score is what made a 400,000-score page slow. Like ballotsOf, these do not
// check the seal: the results loader (lib/services/results-page.ts) checks it first.

export type Named = { id: string; name: string };

/** Options and criteria in display order, in one query: their ids and names are all the page shows. */
export async function resultsStructure(db: Executor, decisionId: string): Promise<{ options: Named[]; criteria: Named[] }> {
  const rows = await rowsOf<Named & { kind: "option" | "criterion" }>(
    db,
    sql`select 'option' as kind, id, name, position from options where decision_id = ${decisionId}
        union all
        select 'criterion' as kind, id, name, position from criteria where decision_id = ${decisionId}
        order by kind desc, position, id`,
  );
  const pick = (kind: string) => rows.filter((r) => r.kind === kind).map(({ id, name }) => ({ id, name }));
  return { options: pick("option"), criteria: pick("criterion") };
}

// Positions in display order (the order resultsStructure gives), so a sheet needs no ids.
const positions = (decisionId: string) => sql`
  o as (select id, (row_number() over (order by position, id) - 1)::int as i from options where decision_id = ${decisionId}),
  c as (select id, (row_number() over (order by position, id) - 1)::int as j from criteria where decision_id = ${decisionId})`;

/**
 * One character per weight or score, from U+0100 up: the position of its criterion (weights) or cell
 * (scores, cell = option × criteria + criterion) times 16 or 8, plus the value. No separators, no
 * ids, and the code points stay below the surrogates (U+D800) for up to 6,880 cells, far beyond
 * the form's 12 × 12.
 */
const BASE = 256;
const MAX_CELLS = Math.floor((0xd800 - BASE) / 8);

export type PackedMember = Named & {
  /** A character per weight: criterion position × 16 + weight (0..10). */
  weights: string | null;
  /** A character per score: cell position × 8 + score (1..5). */
  scores: string | null;
};

/**
 * Everyone who took part (a ballot of either kind, as ballotsOf counts them), each with their
 * weights and, when `round` is given, their scores of that round, packed. Rows of anyone else are
 * left out, as the tally would leave them out. One query.
 */
export async function packedBallots(db: Executor, decisionId: string, round: number | null): Promise<PackedMember[]> {
  return rowsOf<PackedMember>(
    db,
    sql`with ${positions(decisionId)},
      people as (select distinct user_id from ballots where decision_id = ${decisionId}),
      w as (
        select w.user_id, string_agg(chr(${BASE} + c.j * 16 + w.weight), '') as packed
        from weights w join c on c.id = w.criterion_id
        where w.decision_id = ${decisionId}
        group by w.user_id),
      s as (
        select s.user_id, string_agg(chr(${BASE} + (o.i * (select count(*) from c)::int + c.j) * 8 + s.score), '') as packed
        from scores s join o on o.id = s.option_id join c on c.id = s.criterion_id
        where s.decision_id = ${decisionId} and s.round = ${round ?? 0}
          and (select count(*) from o) * (select count(*) from c) <= ${MAX_CELLS}
        group by s.user_id)
    select u.id, u.name, w.packed as weights, s.packed as scores
    from people join users u on u.id = people.user_id
    left join w on w.user_id = people.user_id
    left join s on s.user_id = people.user_id`,
  );
}

/** Decodes `PackedMember.weights`: each criterion position with its weight. */
export function unpackWeights(packed: string | null, each: (criterion: number, weight: number) => void) {
  if (!packed) return;
  for (let at = 0; at < packed.length; at++) {
    const code = packed.charCodeAt(at) - BASE;
    each(code >> 4, code & 15);
  }
}

/** Decodes `PackedMember.scores`: each cell position (option × criteria + criterion) with its score. */
export function unpackScores(packed: string | null, each: (cell: number, score: number) => void) {
  if (!packed) return;
  for (let at = 0; at < packed.length; at++) {
    const code = packed.charCodeAt(at) - BASE;
    each(code >> 3, code & 7);
  }
}

/** Decisions with more cells than a character can number are refused, not misread. */
export function packableCells(options: number, criteria: number): boolean {
  return options * criteria <= MAX_CELLS;
}

export type RoundCellRow = { round: number; optionId: string; criterionId: string; n: number; total: number };

/**
 * Each cell's count and sum of scores in every round before `round`: all an earlier round's ranking
 * needs. Only the scores of people who took part count, as in packedBallots. One query.
 */
export async function earlierRoundCells(db: Executor, decisionId: string, round: number): Promise<RoundCellRow[]> {
  if (round <= 1) return [];
  return rowsOf<RoundCellRow>(
    db,
    sql`select round, option_id as "optionId", criterion_id as "criterionId", count(*)::int as n, sum(score)::int as total
    from scores
    where decision_id = ${decisionId} and round < ${round} and user_id in (select user_id from ballots where decision_id = ${decisionId})
    group by round, option_id, criterion_id`,
  );
}

export type SheetCell = { optionId: string; criterionId: string; score: number; comment: string | null; evidenceUrl: string | null };

/** One member's scores of a round with their comments and evidence, in display order. One query. */
export async function memberSheet(db: Executor, decisionId: string, round: number, userId: string): Promise<SheetCell[]> {
  return rowsOf<SheetCell>(
    db,
    sql`select s.option_id as "optionId", s.criterion_id as "criterionId", s.score, s.comment, s.evidence_url as "evidenceUrl"
    from scores s join options o on o.id = s.option_id join criteria c on c.id = s.criterion_id
    where s.decision_id = ${decisionId} and s.round = ${round} and s.user_id = ${userId}
    order by o.position, o.id, c.position, c.id`,
  );
}

export type OutcomeSummaryRow = {
  decidedAt: Date | string;
  /** The snapshot without its inputs: the tally, the structure and the round. */
  head: unknown;
  members: unknown;
  /** Members who scored: counted only when asked, as it reads every score in the snapshot. */
  scorers: number | null;
  /** The asked-for member's scores, when one is asked for. */
  person: unknown;
};

/**
 * The parts of a recorded outcome's snapshot the results page shows, cut out by the database: a
 * large decision's snapshot holds every score (about 90 MB of JSON at 1,000 × 20 × 20), and the page
 * needs only the tally, the structure and the list of members. One query. Every mention of a
 * stored jsonb column fetches and decompresses it anew (about 100 ms at that size), so the snapshot
 * is read once, in a lateral subquery that is not folded into the expressions (`offset 0`), and
 * each part is cut from that one copy.
 */
export async function outcomeSummary(db: Executor, decisionId: string, ask: { scorers: boolean; personId: string | null }): Promise<OutcomeSummaryRow | null> {
  const [row] = await rowsOf<OutcomeSummaryRow>(
    db,
    sql`select o.decided_at as "decidedAt", x.snapshot - 'inputs' as head, x.snapshot #> '{inputs,members}' as members,
      case when ${ask.scorers} then (select count(distinct e->>'memberId')::int from jsonb_array_elements(x.snapshot #> '{inputs,scores}') e) end as scorers,
      case when ${ask.personId}::text is not null
        then jsonb_path_query_array(x.snapshot, '$.inputs.scores[*] ? (@.memberId == $id)', jsonb_build_object('id', ${ask.personId}::text)) end as person
    from outcomes o, lateral (select o.snapshot || '{}'::jsonb as snapshot offset 0) x
    where o.decision_id = ${decisionId}`,
  );
  return row ?? null;
}
