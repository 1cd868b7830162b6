import { decisionId, sql } from "../../db.js";

const CELL = /scores\.([0-9a-f-]{36})\.([0-9a-f-]{36})\.score$/;

/**
 * The save floor: the same multipart body the browser sends to Verdict's save-scores action,
 * parsed, and the member's 100 cells upserted into the same table in one transaction. No auth,
 * no validation beyond the field names, no history event, no re-render.
 */
export async function POST(request) {
  const member = request.headers.get("x-bench-member");
  const form = await request.formData();
  const rows = [];
  for (const [name, value] of form) {
    const cell = CELL.exec(name);
    if (!cell || !value) continue;
    const prefix = name.slice(0, -"score".length);
    rows.push({
      decision_id: decisionId(),
      round: 1,
      option_id: cell[1],
      criterion_id: cell[2],
      user_id: member,
      score: Number(value),
      comment: String(form.get(`${prefix}comment`) ?? "") || null,
      evidence_url: String(form.get(`${prefix}evidence`) ?? "") || null,
    });
  }
  if (rows.length !== 100) return Response.json({ ok: false, cells: rows.length }, { status: 400 });
  await sql.begin(
    (tx) => tx`
      insert into scores ${tx(rows)}
      on conflict (round, option_id, criterion_id, user_id)
      do update set score = excluded.score, comment = excluded.comment, evidence_url = excluded.evidence_url, updated_at = now()`,
  );
  return Response.json({ ok: true, cells: rows.length });
}
