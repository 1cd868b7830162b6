import { type Ballot, ballotPositions } from "./schulze";
import { rankWithTies } from "./statistics";

export type BordaResult = {
  /** Options with the most points. Empty when there are no ballots. */
  winners: string[];
  /** Points per option, every option included (0 when there are no ballots). */
  points: Record<string, number>;
  /** Most points first; equal points share a rank. Empty when there are no ballots. */
  ranking: { optionId: string; rank: number }[];
  /** Ballots that ranked at least one option. */
  ballots: number;
};

/**
 * Borda count with ties: per ballot an option earns 1 point for each option ranked strictly below it
 * and half a point for each other option tied with it. Splitting the point on a tie keeps every
 * ballot worth the same total, n(n−1)/2, however many ties it contains. Unranked options are tied
 * with each other below every ranked one, as in Schulze.
 */
export function borda(optionIds: readonly string[], ballots: readonly Ballot[]): BordaResult {
  const positions = ballotPositions(optionIds, ballots);
  const totals = optionIds.map(() => 0);
  for (const ballot of positions) {
    for (let a = 0; a < optionIds.length; a++) {
      const positionA = ballot[a]!;
      let earned = 0;
      for (let b = 0; b < optionIds.length; b++) {
        if (a === b) continue;
        const positionB = ballot[b]!;
        if (positionA < positionB) earned += 1;
        else if (positionA === positionB) earned += 0.5;
      }
      totals[a] = totals[a]! + earned;
    }
  }

  const points = Object.fromEntries(optionIds.map((optionId, index) => [optionId, totals[index]!]));
  if (positions.length === 0) return { winners: [], points, ranking: [], ballots: 0 };

  const ranking = rankWithTies(
    optionIds.map((optionId, index) => ({ optionId, points: totals[index]! })),
    (entry) => entry.points,
  ).map(({ item, rank }) => ({ optionId: item.optionId, rank: rank! }));
  const winners = ranking.filter((entry) => entry.rank === 1).map((entry) => entry.optionId);
  return { winners, points, ranking, ballots: positions.length };
}
