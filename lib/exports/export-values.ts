/**
 * Who took part and what they entered, as an export shows it: members (pseudonyms when the
 * decision is anonymous), their weights, and every round's scores, each in one fixed order.
 */
import { pseudonymName, pseudonymNumber, pseudonymsByContent, type ScoreEntry, type WeightEntry } from "../domain/pseudonyms";
import type { DecisionSnapshot } from "../validation/decision-snapshot";
import type { ExportSource } from "./build";
import type { ExportScore } from "./decision-json";
import { byNameThenId, compareCodeUnits } from "./text";

type Person = { id: string; name: string };
type Contribution = { weights: WeightEntry[]; scores: ScoreEntry[] };
type Structure = { optionIds: readonly string[]; criterionIds: readonly string[] };

export type ExportedValues = {
  members: Person[];
  /** A stored member id to the id it is exported under. */
  rename: (id: string) => string;
  weights: { memberId: string; criterionId: string; weight: number }[];
  rounds: { round: number; scores: ExportScore[] }[];
};

/** Who is who before pseudonyms, ids as stored (real user ids, or the snapshot's own ids), and what each entered. */
function contributionsOf(
  values: NonNullable<ExportSource["values"]>,
  snapshot: DecisionSnapshot | null,
  anonymous: boolean,
  tallyRound: number,
): { people: Person[]; contribution: Contribution } {
  const nameOf = new Map(values.people.map((p) => [p.id, p.name]));
  const contribution: Contribution = { weights: [], scores: [] };
  if (!snapshot) {
    const ids = new Set([...values.people.map((p) => p.id), ...values.weights.map((w) => w.memberId), ...values.scores.map((s) => s.memberId)]);
    contribution.weights = values.weights.map((w) => ({ ...w }));
    contribution.scores = values.scores.filter((s) => s.round <= tallyRound).map((s) => ({ ...s }));
    return { people: [...ids].map((id) => ({ id, name: nameOf.get(id) ?? "Former member" })), contribution };
  }
  // The deciding round is the frozen one; earlier rounds are read from the rows. An anonymous
  // snapshot keeps no user ids, so its earlier rounds cannot be tied to its pseudonyms: those rows
  // are exported without a member rather than guessed.
  const people = snapshot.inputs.members.map((m) => ({ id: m.id, name: m.name }));
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
  return { people, contribution };
}

/** Final member ids and names, in export order. */
function exportedMembers(people: Person[], contribution: Contribution, anonymous: boolean, structure: Structure) {
  if (!anonymous) return { members: [...people].sort(byNameThenId), rename: (id: string) => id };
  // Snapshots taken before the numbering was shared were numbered by id: numbering again by
  // the same rule keeps their exports, and live ones, identical for the same entries.
  const alias = pseudonymsByContent(
    people.map((p) => p.id),
    contribution,
    structure,
  );
  return {
    members: [...alias.values()].sort((a, b) => pseudonymNumber(a) - pseudonymNumber(b)).map((id) => ({ id, name: pseudonymName(id) })),
    rename: (id: string) => alias.get(id) ?? "member-?",
  };
}

export function exportedValues(
  values: NonNullable<ExportSource["values"]>,
  snapshot: DecisionSnapshot | null,
  { anonymous, tallyRound, ...structure }: Structure & { anonymous: boolean; tallyRound: number },
): ExportedValues {
  const { people, contribution } = contributionsOf(values, snapshot, anonymous, tallyRound);
  const { members, rename } = exportedMembers(people, contribution, anonymous, structure);
  const memberIndex = new Map(members.map((m, i) => [m.id, i]));
  const optionIndex = new Map(structure.optionIds.map((id, i) => [id, i]));
  const criterionIndex = new Map(structure.criterionIds.map((id, i) => [id, i]));
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

  return { members, rename, weights, rounds };
}
