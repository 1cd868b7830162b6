import { adrNumber, fixed, slugify } from "./text";
import { type CsvValue, formatCsv } from "./csv";
import type { DecisionJson } from "./decision-json";

// Scores as CSV, built from the JSON document of the decision.
// - Named decisions: one row per member × option × criterion × round, in display order, with the
//   score (blank where the member left the cell unscored), their comment and evidence link.
// - Anonymous decisions: one row per option × criterion × round, aggregated: how many scored the
//   cell, the mean and the population standard deviation (as the results page), no member at all.
// A sealed decision has no scores CSV: the route answers 409 instead (see exportUnavailable).

export const NAMED_SCORES_HEADER = ["round", "member", "option", "criterion", "score", "comment", "evidence"] as const;
export const ANONYMOUS_SCORES_HEADER = ["round", "option", "criterion", "n", "mean", "sd"] as const;

export function scoresCsvFilename(doc: Pick<DecisionJson, "decision">): string {
  return `${adrNumber(doc.decision.number)}-${slugify(doc.decision.title)}-scores.csv`;
}

/** Why the scores CSV cannot be had yet, or null when it can. */
export function scoresCsvUnavailable(doc: Pick<DecisionJson, "sealed" | "decision">): string | null {
  if (!doc.sealed) return null;
  return doc.decision.status === "withdrawn"
    ? "This decision was withdrawn before its results were revealed, so its scores stay sealed: there is no scores CSV."
    : "Scores stay sealed until the facilitator reveals the results: the scores CSV is available from the reveal on.";
}

export function formatScoresCsv(doc: DecisionJson): string {
  if (doc.sealed) throw new Error("formatScoresCsv: the decision is sealed");
  return doc.decision.anonymous ? anonymousCsv(doc) : namedCsv(doc);
}

function namedCsv(doc: DecisionJson): string {
  const memberName = new Map(doc.members.map((m) => [m.id, m.name]));
  const records: CsvValue[][] = [];
  for (const { round, scores } of doc.rounds) {
    const byCell = new Map(scores.map((s) => [`${s.memberId}|${s.optionId}|${s.criterionId}`, s]));
    // Members who scored anything in this round get a full grid; a cell they left blank stays blank.
    const scored = new Set(scores.map((s) => s.memberId));
    const scorers = doc.members.filter((m) => scored.has(m.id));
    for (const member of scorers) {
      for (const option of doc.options) {
        for (const criterion of doc.criteria) {
          const s = byCell.get(`${member.id}|${option.id}|${criterion.id}`);
          records.push([
            round,
            memberName.get(member.id) ?? member.id,
            option.name,
            criterion.name,
            s ? s.score : null,
            s?.comment ?? null,
            s?.evidenceUrl ?? null,
          ]);
        }
      }
    }
  }
  return formatCsv(NAMED_SCORES_HEADER, records);
}

/** n, mean and population standard deviation of one cell; mean blank without scores, sd blank below two. */
export function cellStatistics(values: readonly number[]): { n: number; mean: string | null; sd: string | null } {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null };
  let sum = 0;
  let squares = 0;
  for (const v of values) {
    sum += v;
    squares += v * v;
  }
  // n·Σx² − (Σx)² is an exact integer for integer scores, so equal scores give exactly 0.
  const sd = n >= 2 ? Math.sqrt(Math.max(0, n * squares - sum * sum)) / n : null;
  return { n, mean: fixed(sum / n, 3), sd: sd === null ? null : fixed(sd, 3) };
}

function anonymousCsv(doc: DecisionJson): string {
  const records: CsvValue[][] = [];
  for (const { round, scores } of doc.rounds) {
    const byCell = new Map<string, number[]>();
    for (const s of scores) {
      const key = `${s.optionId}|${s.criterionId}`;
      if (!byCell.has(key)) byCell.set(key, []);
      byCell.get(key)!.push(s.score);
    }
    for (const option of doc.options) {
      for (const criterion of doc.criteria) {
        const { n, mean, sd } = cellStatistics(byCell.get(`${option.id}|${criterion.id}`) ?? []);
        records.push([round, option.name, criterion.name, n, mean, sd]);
      }
    }
  }
  return formatCsv(ANONYMOUS_SCORES_HEADER, records);
}
