/**
 * The tally as it goes into an export: computed from the exported rows, or read from the frozen
 * snapshot, and in both cases rebuilt in one canonical order.
 */
import type { DecisionSnapshot } from "../validation/decision-snapshot";
import { type Tally, tally as computeTally, type TallyInput } from "../domain/tally";
import type { ExportScore, ExportTally } from "./decision-json";
import { compareCodeUnits } from "./text";

/** The display order of a document: options, criteria, and members by their exported ids. */
export type TallyOrder = { optionIds: readonly string[]; criterionIds: readonly string[]; memberIds: readonly string[] };

/** A record rebuilt with `order` first and any other keys after, sorted: same data, same key order. */
function ordered<T, U>(
  record: Record<string, T>,
  order: readonly string[],
  map: (value: T, key: string) => U,
  rename: (key: string) => string = (k) => k,
): Record<string, U> {
  const out: Record<string, U> = {};
  const seen = new Set<string>();
  for (const key of order) {
    if (Object.hasOwn(record, key)) {
      out[rename(key)] = map(record[key]!, key);
      seen.add(key);
    }
  }
  for (const key of Object.keys(record).sort(compareCodeUnits)) {
    if (!seen.has(key)) out[rename(key)] = map(record[key]!, key);
  }
  return out;
}

const num = (value: number | null | undefined): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/**
 * The tally with every record in display order (options, criteria, members as listed in the export)
 * and member keys renamed, so a tally read back from jsonb (which reorders keys) and a freshly
 * computed one give the same bytes.
 */
export function canonicalTally(t: Tally, order: TallyOrder, rename: (memberId: string) => string = (id) => id): ExportTally {
  const { optionIds, criterionIds } = order;
  // Members are ordered by their exported id, so rename first, then order.
  const renamedOrder = order.memberIds;
  const byExportedMember = <T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> => {
    const renamed: Record<string, T> = {};
    for (const key of Object.keys(record)) renamed[rename(key)] = record[key]!;
    return ordered(renamed, renamedOrder, map);
  };
  const matrix = (m: Record<string, Record<string, number>>) => ordered(m, optionIds, (row) => ordered(row, optionIds, (v) => v));
  return {
    groupWeights: ordered(t.groupWeights, criterionIds, (v) => v),
    weightsFallback: t.weightsFallback,
    memberWeights: byExportedMember(t.memberWeights, (weights) => ordered(weights, criterionIds, (v) => v)),
    options: t.options.map((o) => ({
      optionId: o.optionId,
      name: o.name,
      score: num(o.score),
      rank: o.rank ?? null,
      coverage: o.coverage,
      spread: num(o.spread),
      perCriterion: ordered(o.perCriterion, criterionIds, (c) => ({ mean: num(c.mean), n: c.n, sd: num(c.sd), contribution: num(c.contribution) })),
    })),
    winners: [...t.winners],
    tiedWinner: t.tiedWinner,
    memberRankings: byExportedMember(t.memberRankings, (entries) => entries.map((e) => ({ optionId: e.optionId, score: num(e.score), rank: e.rank ?? null }))),
    schulze: {
      winners: [...t.schulze.winners],
      ranking: t.schulze.ranking.map((r) => ({ optionId: r.optionId, rank: r.rank, beats: r.beats })),
      pairwise: matrix(t.schulze.pairwise),
      strongestPaths: matrix(t.schulze.strongestPaths),
      ballots: t.schulze.ballots,
    },
    borda: {
      winners: [...t.borda.winners],
      points: ordered(t.borda.points, optionIds, (v) => v),
      ranking: t.borda.ranking.map((r) => ({ optionId: r.optionId, rank: r.rank })),
      ballots: t.borda.ballots,
    },
    crossCheck: {
      agrees: t.crossCheck.agrees,
      weightedWinners: [...t.crossCheck.weightedWinners],
      schulzeWinners: [...t.crossCheck.schulzeWinners],
      bordaWinners: [...t.crossCheck.bordaWinners],
      disagreements: [...t.crossCheck.disagreements],
    },
    consensus: t.consensus ? { value: t.consensus.value, label: t.consensus.label } : null,
  };
}

/**
 * The tally a document carries: the snapshot's when the decision is decided (its members renamed
 * like the rest of the document), otherwise the tally of the exported rows of the tally's round.
 */
export function exportedTally(
  snapshot: DecisionSnapshot | null,
  rows: {
    options: readonly { id: string; name: string }[];
    criteria: readonly { id: string; name: string }[];
    members: { id: string; name: string }[];
    weights: TallyInput["weights"];
    scores: readonly ExportScore[];
  },
  order: TallyOrder,
  rename: (memberId: string) => string,
): ExportTally {
  if (snapshot) return canonicalTally(snapshot.tally, order, rename);
  const inputs: TallyInput = {
    options: rows.options.map((o) => ({ id: o.id, name: o.name })),
    criteria: rows.criteria.map((c) => ({ id: c.id, name: c.name })),
    members: rows.members,
    weights: rows.weights,
    scores: rows.scores.flatMap((s) => (s.memberId === null ? [] : [{ ...s, memberId: s.memberId }])),
  };
  return canonicalTally(computeTally(inputs), order);
}
