/**
 * Anonymous decisions name no one: members become "Member 1" … "Member n". One rule everywhere
 * (the frozen snapshot, the results page, every export): members are numbered by what they
 * entered — their weights, then their scores round by round — never by name or id, so the number
 * says nothing about who is who. Two members who entered exactly the same are interchangeable,
 * and swapping them changes nothing anyone can see. The same entries always give the same
 * numbers, so a live export and one read back from the snapshot agree byte for byte.
 */

export type WeightEntry = { memberId: string; criterionId: string; weight: number };

/** memberId null marks a row that can no longer be tied to a member: it numbers no one. */
export type ScoreEntry = {
  round: number;
  memberId: string | null;
  optionId: string;
  criterionId: string;
  score: number;
  comment: string | null;
  evidenceUrl: string | null;
};

export type Contribution = { weights: readonly WeightEntry[]; scores: readonly ScoreEntry[] };

const PREFIX = "member-";

const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Pseudonym ("member-1", "member-2", …) of each member id, numbered by what each entered. */
export function pseudonymsByContent(
  memberIds: readonly string[],
  contribution: Contribution,
  structure: { optionIds: readonly string[]; criterionIds: readonly string[] },
): Map<string, string> {
  const { optionIds, criterionIds } = structure;
  const weightsOf = new Map<string, Map<string, number>>();
  for (const w of contribution.weights) {
    if (!weightsOf.has(w.memberId)) weightsOf.set(w.memberId, new Map());
    weightsOf.get(w.memberId)!.set(w.criterionId, w.weight);
  }
  const scoresOf = new Map<string, Map<string, [number, string | null, string | null]>>();
  const rounds = [...new Set(contribution.scores.map((s) => s.round))].sort((a, b) => a - b);
  for (const s of contribution.scores) {
    if (s.memberId === null) continue;
    if (!scoresOf.has(s.memberId)) scoresOf.set(s.memberId, new Map());
    scoresOf.get(s.memberId)!.set(`${s.round}|${s.optionId}|${s.criterionId}`, [s.score, s.comment, s.evidenceUrl]);
  }
  const signature = new Map<string, string>();
  for (const id of memberIds) {
    const w = weightsOf.get(id);
    const sc = scoresOf.get(id);
    signature.set(
      id,
      JSON.stringify([
        criterionIds.map((c) => w?.get(c) ?? null),
        rounds.map((r) => optionIds.flatMap((o) => criterionIds.map((c) => sc?.get(`${r}|${o}|${c}`) ?? null))),
      ]),
    );
  }
  const sorted = [...memberIds].sort((a, b) => compareCodeUnits(signature.get(a)!, signature.get(b)!));
  return new Map(sorted.map((id, i) => [id, `${PREFIX}${i + 1}`]));
}

/** "member-3" → 3, for ordering pseudonyms by number rather than as text. */
export const pseudonymNumber = (pseudonym: string) => Number(pseudonym.slice(PREFIX.length));

/** "member-3" → "Member 3". */
export const pseudonymName = (pseudonym: string) => `Member ${pseudonymNumber(pseudonym)}`;

type RoundInputs = {
  members: { id: string; name: string }[];
  weights: { memberId: string; criterionId: string; weight: number }[];
  scores: { memberId: string; optionId: string; criterionId: string; score: number; comment: string | null; evidenceUrl: string | null }[];
};

/**
 * One round's inputs with every member replaced by their pseudonym, members listed as Member 1,
 * Member 2, …: what an anonymous decision keeps in its record.
 */
export function pseudonymise(inputs: RoundInputs, structure: { optionIds: readonly string[]; criterionIds: readonly string[] }): RoundInputs {
  const alias = pseudonymsByContent(
    inputs.members.map((m) => m.id),
    { weights: inputs.weights, scores: inputs.scores.map((s) => ({ ...s, round: 1 })) },
    structure,
  );
  const rename = (id: string) => alias.get(id) ?? `${PREFIX}?`;
  return {
    members: [...alias.values()].sort((a, b) => pseudonymNumber(a) - pseudonymNumber(b)).map((id) => ({ id, name: pseudonymName(id) })),
    weights: inputs.weights.map((w) => ({ ...w, memberId: rename(w.memberId) })),
    scores: inputs.scores.map((s) => ({ ...s, memberId: rename(s.memberId) })),
  };
}
