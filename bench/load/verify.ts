/** What the saves must leave behind: one scores ballot per member, each with the whole 100-cell sheet. */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { CRITERIA, OPTIONS, scoresUpdatedOn } from "./seed";

export async function checkBallots(db: Db, decisionId: string, members: number): Promise<string | null> {
  const [row] = (await db.execute(sql`
    select
      (select count(*)::int from ballots where decision_id = ${decisionId} and kind = 'scores' and round = 1) as ballots,
      (select count(distinct user_id)::int from ballots where decision_id = ${decisionId} and kind = 'scores' and round = 1) as voters,
      (select count(*)::int from (
         select user_id from scores where decision_id = ${decisionId} and round = 1 group by user_id having count(*) <> ${OPTIONS * CRITERIA}
       ) partial) as partial,
      (select count(distinct user_id)::int from scores where decision_id = ${decisionId} and round = 1) as scorers`)) as unknown as {
    ballots: number;
    voters: number;
    partial: number;
    scorers: number;
  }[];
  if (!row) return "no answer";
  if (row.ballots !== members || row.voters !== members) return `${row.ballots} scores ballots from ${row.voters} members, expected ${members}`;
  if (row.scorers !== members || row.partial !== 0) return `${row.scorers} members have scores, ${row.partial} of them not exactly ${OPTIONS * CRITERIA}`;
  return null;
}

/**
 * The number of saves recorded once the server has finished the ones still in flight (autocannon
 * stops waiting at the end of a run, the server does not): the count, once it stops moving.
 */
export async function settledSaves(db: Db, decisionId: string): Promise<number> {
  let last = await scoresUpdatedOn(db, decisionId);
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await scoresUpdatedOn(db, decisionId);
    if (now === last) return now;
    last = now;
  }
  throw new Error("saves were still being recorded 30 s after the run stopped");
}
