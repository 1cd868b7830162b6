import type { DecisionStatus } from "../domain/phases";
import { type Tally, tally as computeTally } from "../domain/tally";
import { visibleEventPayload } from "../domain/event-payload";
import { pseudonymName, pseudonymNumber, pseudonymsByContent, type ScoreEntry, type WeightEntry } from "../domain/pseudonyms";
import { type AdrStatus, DECISION_JSON_SCHEMA, DECISION_JSON_VERSION, type DecisionJson, type ExportScore, type ExportTally } from "./decision-json";
import { parseDecisionSnapshot } from "../validation/decision-snapshot";
import { byNameThenId, byPosition, compareCodeUnits } from "./text";

/**
 * Everything the loader read for one decision, as plain rows. `values` is null whenever the
 * decision is sealed: the loader does not even read weights or scores then.
 */
export type ExportSource = {
  decision: {
    id: string;
    title: string;
    context: string;
    status: DecisionStatus;
    anonymous: boolean;
    currentRound: number;
    createdAt: Date;
    revealedAt: Date | null;
    decidedAt: Date | null;
    deprecatedAt: Date | null;
  };
  /** Position of the decision among the team's decisions by creation, from 1: its ADR number. */
  number: number;
  supersededBy: { id: string; number: number; title: string } | null;
  facilitator: { id: string; name: string };
  options: { id: string; name: string; description: string; link: string | null; frameworkSlug: string | null; position: number }[];
  criteria: { id: string; name: string; description: string; position: number }[];
  values: {
    /** Everyone with a ballot or a value row for this decision, in any round. */
    people: { id: string; name: string }[];
    weights: { memberId: string; criterionId: string; weight: number }[];
    scores: RawScore[];
  } | null;
  outcome: {
    chosenOptionId: string;
    chosenOptionName: string;
    record: { context: string; decision: string; consequencesGood: string; consequencesBad: string; justification: string | null };
    snapshot: unknown;
    decidedAt: Date;
    decidedBy: { id: string; name: string } | null;
  } | null;
  events: { id: number; type: string; actorName: string | null; payload: Record<string, unknown>; createdAt: Date }[];
};

export type RawScore = {
  round: number;
  memberId: string;
  optionId: string;
  criterionId: string;
  score: number;
  comment: string | null;
  evidenceUrl: string | null;
};

/** Weights and scores may be shown once the results are revealed, and stay shown once decided. */
export function valuesVisible(status: DecisionStatus): boolean {
  return status === "revealed" || status === "decided";
}

export function adrStatusOf(decision: { status: DecisionStatus; deprecatedAt: Date | null }, supersededBy: unknown): AdrStatus {
  if (decision.status === "decided") return supersededBy ? "superseded" : decision.deprecatedAt ? "deprecated" : "accepted";
  if (decision.status === "withdrawn") return "rejected";
  return "proposed";
}

/** Keys that could name or identify a person in an event payload; dropped for anonymous decisions. */
const IDENTIFYING_KEYS = new Set(["userId", "memberId", "actorId", "name", "userName", "memberName", "email"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Payloads are arbitrary JSON: keys sorted at every level so their order never depends on storage. */
function canonicalJson(value: unknown, dropIdentifying: boolean): Json {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((v) => canonicalJson(v, dropIdentifying));
  if (typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort(compareCodeUnits)) {
      if (dropIdentifying && IDENTIFYING_KEYS.has(key)) continue;
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      out[key] = canonicalJson(v, dropIdentifying);
    }
    return out;
  }
  return null;
}

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
export function canonicalTally(
  t: Tally,
  order: { optionIds: readonly string[]; criterionIds: readonly string[]; memberIds: readonly string[] },
  rename: (memberId: string) => string = (id) => id,
): ExportTally {
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
 * The JSON document of a decision, built from what the loader read. Pure: the same source gives a
 * deep-equal document, and formatDecisionJson turns that into the same bytes.
 *
 * - Sealed (before the reveal, or withdrawn): structure and history only; no member, weight, score,
 *   tally or outcome.
 * - Decided: title, context, options, criteria, members, weights, the deciding round's scores and
 *   the tally come from the frozen snapshot; earlier rounds come from the score rows, which no
 *   longer change once a later round has opened.
 * - Revealed: everything from the current rows; the tally is of the current round.
 * - Anonymous: pseudonyms for members, no names anywhere (facilitator, decider, event actors).
 */
export function buildDecisionJson(source: ExportSource): DecisionJson {
  const { decision } = source;
  const anonymous = decision.anonymous;
  const sealed = !valuesVisible(decision.status);
  const snapshot = !sealed && decision.status === "decided" && source.outcome ? parseDecisionSnapshot(source.outcome.snapshot) : null;

  const options = snapshot
    ? snapshot.options.map((o) => ({ id: o.id, name: o.name, description: o.description, link: o.link, frameworkSlug: o.frameworkSlug }))
    : [...source.options].sort(byPosition).map((o) => ({ id: o.id, name: o.name, description: o.description, link: o.link, frameworkSlug: o.frameworkSlug }));
  const criteria = snapshot
    ? snapshot.criteria.map((c) => ({ id: c.id, name: c.name, description: c.description }))
    : [...source.criteria].sort(byPosition).map((c) => ({ id: c.id, name: c.name, description: c.description }));
  const optionIds = options.map((o) => o.id);
  const criterionIds = criteria.map((c) => c.id);

  const base = {
    schema: DECISION_JSON_SCHEMA,
    version: DECISION_JSON_VERSION,
    decision: {
      id: decision.id,
      number: source.number,
      title: snapshot?.decision.title ?? decision.title,
      context: snapshot?.decision.context ?? decision.context,
      status: decision.status,
      adrStatus: adrStatusOf(decision, source.supersededBy),
      anonymous,
      currentRound: decision.currentRound,
      facilitator: anonymous ? null : source.facilitator.name,
      createdAt: decision.createdAt.toISOString(),
      revealedAt: decision.revealedAt?.toISOString() ?? null,
      decidedAt: (source.outcome?.decidedAt ?? decision.decidedAt)?.toISOString() ?? null,
      deprecatedAt: decision.deprecatedAt?.toISOString() ?? null,
      supersededBy: source.supersededBy ? { ...source.supersededBy } : null,
    },
    sealed,
    frozen: snapshot !== null,
  } as const;

  const history = [...source.events]
    .sort((a, b) => a.id - b.id)
    .map((e) => ({
      id: e.id,
      type: e.type,
      actor: anonymous ? null : e.actorName,
      at: e.createdAt.toISOString(),
      payload: canonicalJson(visibleEventPayload(e.type, e.payload), anonymous) as Record<string, Json>,
    }));

  if (sealed || !source.values) {
    return { ...base, sealed: true, frozen: false, round: null, options, criteria, members: [], weights: [], rounds: [], tally: null, outcome: null, history };
  }

  const values = source.values;
  const tallyRound = snapshot ? (snapshot.round ?? 1) : decision.currentRound;
  const nameOf = new Map(values.people.map((p) => [p.id, p.name]));

  // Who is who before pseudonyms: ids as stored (real user ids, or the snapshot's own ids).
  let people: { id: string; name: string }[];
  const contribution: { weights: WeightEntry[]; scores: ScoreEntry[] } = { weights: [], scores: [] };
  if (snapshot) {
    // The deciding round is the frozen one; earlier rounds are read from the rows. An anonymous
    // snapshot keeps no user ids, so its earlier rounds cannot be tied to its pseudonyms: those rows
    // are exported without a member rather than guessed.
    people = snapshot.inputs.members.map((m) => ({ id: m.id, name: m.name }));
    contribution.weights = snapshot.inputs.weights.map((w) => ({ memberId: w.memberId, criterionId: w.criterionId, weight: w.weight }));
    contribution.scores = snapshot.inputs.scores.map((s) => ({ round: tallyRound, ...s }));
    const earlier = values.scores.filter((s) => s.round < tallyRound);
    if (!anonymous) {
      const known = new Set(people.map((p) => p.id));
      for (const s of earlier) {
        if (known.has(s.memberId)) continue;
        known.add(s.memberId);
        people.push({ id: s.memberId, name: nameOf.get(s.memberId) ?? "Former member" });
      }
    }
    contribution.scores.push(...earlier.map((s) => ({ ...s, memberId: anonymous ? null : s.memberId })));
  } else {
    const ids = new Set([...values.people.map((p) => p.id), ...values.weights.map((w) => w.memberId), ...values.scores.map((s) => s.memberId)]);
    people = [...ids].map((id) => ({ id, name: nameOf.get(id) ?? "Former member" }));
    contribution.weights = values.weights.map((w) => ({ ...w }));
    contribution.scores = values.scores.filter((s) => s.round <= tallyRound).map((s) => ({ ...s }));
  }

  // Final member ids and names, in export order.
  let rename: (id: string) => string;
  let members: { id: string; name: string }[];
  if (anonymous) {
    // Snapshots taken before the numbering was shared were numbered by id: numbering again by
    // the same rule keeps their exports, and live ones, identical for the same entries.
    const alias = pseudonymsByContent(
      people.map((p) => p.id),
      contribution,
      { optionIds, criterionIds },
    );
    rename = (id) => alias.get(id) ?? "member-?";
    members = [...alias.values()].sort((a, b) => pseudonymNumber(a) - pseudonymNumber(b)).map((id) => ({ id, name: pseudonymName(id) }));
  } else {
    rename = (id) => id;
    members = [...people].sort(byNameThenId);
  }
  const memberIndex = new Map(members.map((m, i) => [m.id, i]));
  const optionIndex = new Map(optionIds.map((id, i) => [id, i]));
  const criterionIndex = new Map(criterionIds.map((id, i) => [id, i]));
  const at = (index: Map<string, number>, id: string | null) => (id === null ? Number.MAX_SAFE_INTEGER : (index.get(id) ?? Number.MAX_SAFE_INTEGER - 1));

  const weights = contribution.weights
    .map((w) => ({ memberId: rename(w.memberId), criterionId: w.criterionId, weight: w.weight }))
    .sort(
      (a, b) =>
        at(memberIndex, a.memberId) - at(memberIndex, b.memberId) ||
        at(criterionIndex, a.criterionId) - at(criterionIndex, b.criterionId) ||
        compareCodeUnits(a.memberId, b.memberId) ||
        compareCodeUnits(a.criterionId, b.criterionId),
    );

  const scoreRows: (ExportScore & { round: number })[] = contribution.scores.map((s) => ({
    round: s.round,
    memberId: s.memberId === null ? null : rename(s.memberId),
    optionId: s.optionId,
    criterionId: s.criterionId,
    score: s.score,
    comment: s.comment,
    evidenceUrl: s.evidenceUrl,
  }));
  scoreRows.sort(
    (a, b) =>
      a.round - b.round ||
      at(memberIndex, a.memberId) - at(memberIndex, b.memberId) ||
      at(optionIndex, a.optionId) - at(optionIndex, b.optionId) ||
      at(criterionIndex, a.criterionId) - at(criterionIndex, b.criterionId) ||
      compareCodeUnits(a.optionId, b.optionId) ||
      compareCodeUnits(a.criterionId, b.criterionId) ||
      a.score - b.score ||
      compareCodeUnits(a.comment ?? "", b.comment ?? "") ||
      compareCodeUnits(a.evidenceUrl ?? "", b.evidenceUrl ?? ""),
  );
  const roundNumbers = [...new Set([...scoreRows.map((s) => s.round), tallyRound])].sort((a, b) => a - b);
  const rounds = roundNumbers.map((round) => ({
    round,
    scores: scoreRows.filter((s) => s.round === round).map(({ round: _round, ...row }) => row),
  }));

  const order = { optionIds, criterionIds, memberIds: members.map((m) => m.id) };
  const tallyResult = snapshot
    ? canonicalTally(snapshot.tally, order, rename)
    : canonicalTally(
        computeTally({
          options: options.map((o) => ({ id: o.id, name: o.name })),
          criteria: criteria.map((c) => ({ id: c.id, name: c.name })),
          members,
          weights,
          scores: rounds.find((r) => r.round === tallyRound)!.scores.flatMap((s) => (s.memberId === null ? [] : [{ ...s, memberId: s.memberId }])),
        }),
        order,
      );

  const outcome =
    decision.status === "decided" && source.outcome
      ? {
          chosenOptionId: source.outcome.chosenOptionId,
          chosenOptionName: source.outcome.chosenOptionName,
          decidedAt: source.outcome.decidedAt.toISOString(),
          decidedBy: anonymous ? null : (source.outcome.decidedBy?.name ?? null),
          topRanked: tallyResult.winners.includes(source.outcome.chosenOptionId),
          record: {
            context: source.outcome.record.context,
            decision: source.outcome.record.decision,
            consequencesGood: source.outcome.record.consequencesGood,
            consequencesBad: source.outcome.record.consequencesBad,
            justification: source.outcome.record.justification ?? null,
          },
        }
      : null;

  return { ...base, round: tallyRound, options, criteria, members, weights, rounds, tally: tallyResult, outcome, history };
}
