"use server";

import { sql } from "../db";

/**
 * The score sheet's own request (a multipart form of `scores.<option>.<criterion>.score` fields, as
 * React sends a form to a server action), upserted in one transaction: no session, no access check,
 * no validation, no event. What a server action costs the framework, next to the route handler.
 */
export async function saveSheet(_previous: { ok: boolean; message: string } | null, formData: FormData) {
  const decisionId = String(formData.get("decisionId"));
  const userId = String(formData.get("userId"));
  const now = new Date();
  const rows = [...formData.entries()].flatMap(([name, value]) => {
    const [scores, optionId, criterionId, field] = name.split(".");
    return scores === "scores" && field === "score" && value
      ? [{ decision_id: decisionId, round: 1, option_id: optionId!, criterion_id: criterionId!, user_id: userId, score: Number(value), updated_at: now }]
      : [];
  });
  await sql().begin(
    (tx) => tx`
      insert into scores ${tx(rows, "decision_id", "round", "option_id", "criterion_id", "user_id", "score", "updated_at")}
      on conflict (round, option_id, criterion_id, user_id) do update set score = excluded.score, updated_at = excluded.updated_at`,
  );
  return { ok: true, message: `${rows.length} saved` };
}
