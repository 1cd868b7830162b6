import { decisionId, sql } from "../../db.js";

/**
 * The save floor: the same JSON body the browser's score sheet sends to Verdict
 * ({ scores: { [optionId]: { [criterionId]: { score, comment, evidence } } } }), parsed, and the
 * member's 100 cells upserted into the same table in one transaction, rewriting only cells that
 * changed, as Verdict does. No auth, no validation beyond counting the cells, no history event.
 */
export async function POST(request) {
  const member = request.headers.get("x-bench-member");
  const sheet = await request.json();
  const rows = [];
  for (const [optionId, byCriterion] of Object.entries(sheet.scores ?? {})) {
    for (const [criterionId, cell] of Object.entries(byCriterion)) {
      if (!cell.score) continue;
      rows.push({
        decision_id: decisionId(),
        round: 1,
        option_id: optionId,
        criterion_id: criterionId,
        user_id: member,
        score: Number(cell.score),
        comment: cell.comment || null,
        evidence_url: cell.evidence || null,
      });
    }
  }
  if (rows.length !== 100) return Response.json({ ok: false, cells: rows.length }, { status: 400 });
  await sql.begin(
    (tx) => tx`
      insert into scores ${tx(rows)}
      on conflict (round, option_id, criterion_id, user_id)
      do update set score = excluded.score, comment = excluded.comment, evidence_url = excluded.evidence_url, updated_at = now()
      where (scores.score, scores.comment, scores.evidence_url) is distinct from (excluded.score, excluded.comment, excluded.evidence_url)`,
  );
  return Response.json({ ok: true, cells: rows.length });
}
