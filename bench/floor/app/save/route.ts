import { sql } from "../db";

type Body = { decisionId: string; userId: string; cells: { optionId: string; criterionId: string; score: number }[] };

/** One member's 100 cells upserted in one transaction: no session, no access check, no validation, no event. */
export async function POST(request: Request) {
  const { decisionId, userId, cells } = (await request.json()) as Body;
  const now = new Date();
  const rows = cells.map((c) => ({
    decision_id: decisionId,
    round: 1,
    option_id: c.optionId,
    criterion_id: c.criterionId,
    user_id: userId,
    score: c.score,
    updated_at: now,
  }));
  await sql().begin(
    (tx) => tx`
      insert into scores ${tx(rows, "decision_id", "round", "option_id", "criterion_id", "user_id", "score", "updated_at")}
      on conflict (round, option_id, criterion_id, user_id) do update set score = excluded.score, updated_at = excluded.updated_at`,
  );
  return Response.json({ saved: rows.length });
}
