import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { scores } from "../schema";
import { structureLists } from "./decisions";
import { jsonList } from "./json";

export type OwnScore = { round: number; optionId: string; criterionId: string; score: number; comment: string | null; evidenceUrl: string | null };

/**
 * What the score sheet page fills its sheet from, in one statement: the decision's options and
 * criteria, and the member's own scores of the given rounds (the current one, and the one before in
 * a re-vote). Three statements before: each cost the page a socket write and a round trip, a
 * tenth of its server time under load, and the 100 score rows come back as one JSON value.
 */
export async function scoreSheetSource(db: Executor, decisionId: string, userId: string, rounds: readonly [number] | readonly [number, number]) {
  const own = jsonList<OwnScore>(sql`
    select json_agg(json_build_object('round', s.round, 'optionId', s.option_id, 'criterionId', s.criterion_id, 'score', s.score,
                                      'comment', s.comment, 'evidenceUrl', s.evidence_url))
    from ${scores} s
    where s.decision_id = ${decisionId} and s.user_id = ${userId} and (s.round = ${rounds[0]} or s.round = ${rounds[1] ?? rounds[0]})`);
  const [row] = await db.select({ ...structureLists(decisionId), own }).from(sql`(select 1) as one`);
  return row!;
}
