import { SeededRandom } from "../../lib/domain/random";
import type { TallyInput } from "../../lib/domain/tally";

// Varied decisions from a seed, for checking that two ways of computing a tally agree: blank cells,
// members who weigh nothing or score nothing, all-zero weights, criteria nobody weighs, and (when
// asked) rows naming people or things outside the lists, which the tally must leave out.

export type RandomShape = { members: number; options: number; criteria: number };

export type RandomDecision = {
  options: TallyInput["options"];
  criteria: TallyInput["criteria"];
  members: TallyInput["members"];
  weights: TallyInput["weights"];
  /** Scores by round, round 1 first. */
  rounds: TallyInput["scores"][];
};

export function randomShape(random: SeededRandom, most: RandomShape): RandomShape {
  const upTo = (n: number) => 1 + Math.floor(random.next() * n);
  return { members: upTo(most.members), options: upTo(most.options), criteria: upTo(most.criteria) };
}

export function randomDecision(seed: number, shape: RandomShape, options: { rounds?: number; strays?: boolean; idPrefix?: string } = {}): RandomDecision {
  const random = new SeededRandom(seed);
  const chance = (p: number) => random.next() < p;
  const int = (low: number, high: number) => low + Math.floor(random.next() * (high - low + 1));
  const prefix = options.idPrefix ?? `s${seed}`;
  const list = (kind: string, n: number, name: (i: number) => string) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${kind}-${i}`, name: name(i) }));
  const optionList = list("option", shape.options, (i) => `Option ${i + 1}`);
  const criterionList = list("criterion", shape.criteria, (i) => `Criterion ${i + 1}`);
  // Names in no particular order, so member order (by name) is not id order.
  const memberList = list("member", shape.members, (i) => `Member ${((i * 7919) % 1009).toString().padStart(4, "0")}-${i}`);

  // Some decisions have a criterion nobody weighs, which leaves it at group weight 0.
  const unweighed = chance(0.3) ? int(0, shape.criteria - 1) : -1;
  const weights: TallyInput["weights"] = [];
  for (const member of memberList) {
    if (chance(0.15)) continue; // weighs nothing
    const allZero = chance(0.1);
    for (const [c, criterion] of criterionList.entries()) {
      if (chance(0.1)) continue;
      weights.push({ memberId: member.id, criterionId: criterion.id, weight: allZero || c === unweighed ? 0 : int(0, 10) });
    }
  }
  const fill = chance(0.5) ? 0.95 : 0.6;
  const rounds = Array.from({ length: options.rounds ?? 1 }, () => {
    const scores: TallyInput["scores"] = [];
    for (const member of memberList) {
      if (chance(0.15)) continue; // scores nothing this round
      for (const option of optionList) {
        for (const criterion of criterionList) {
          if (chance(fill)) scores.push({ memberId: member.id, optionId: option.id, criterionId: criterion.id, score: int(1, 5) });
        }
      }
    }
    if (options.strays) {
      scores.push({ memberId: `${prefix}-left`, optionId: optionList[0]!.id, criterionId: criterionList[0]!.id, score: 5 });
      scores.push({ memberId: memberList[0]!.id, optionId: `${prefix}-dropped-option`, criterionId: criterionList[0]!.id, score: 1 });
    }
    // Row order must not matter.
    return scores.sort(() => (chance(0.5) ? 1 : -1));
  });
  if (options.strays) weights.push({ memberId: `${prefix}-left`, criterionId: criterionList[0]!.id, weight: 10 });
  return { options: optionList, criteria: criterionList, members: memberList, weights, rounds };
}

export const roundInput = (decision: RandomDecision, round: number): TallyInput => ({
  options: decision.options,
  criteria: decision.criteria,
  members: decision.members,
  weights: decision.weights,
  scores: decision.rounds[round - 1]!,
});
