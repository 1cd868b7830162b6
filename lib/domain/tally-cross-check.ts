/**
 * The ranked-ballot cross-checks of a tally: each member's own ranking is their ballot, Schulze and
 * Borda count those ballots, and any first place they give that the weighted score does not is
 * worded for the results page.
 */
import { borda } from "./borda";
import { type Ballot, schulze } from "./schulze";
import { rankWithTies } from "./statistics";
import type { MemberRankingEntry, Tally, TallyInput, TallyStructure } from "./tally";

/** Every member's ranking by their own scores, in member order; a member who scored nothing ranks nothing. */
export function memberRankingsOf(input: TallyStructure, ownScores: readonly (number | null)[][]): [memberId: string, MemberRankingEntry[]][] {
  return input.members.map(({ id }, member): [string, MemberRankingEntry[]] => {
    const ownScoreEntries = input.options.map((option, index) => ({
      optionId: option.id,
      score: ownScores[member]![index] ?? null,
    }));
    const ranked = rankWithTies(ownScoreEntries, (entry) => entry.score);
    return [id, ranked.map(({ item, rank }) => ({ optionId: item.optionId, score: item.score, rank }))];
  });
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const inA = new Set(a);
  return a.length === b.length && b.every((id) => inA.has(id));
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function describeFirstPlace(method: string, winnerNames: readonly string[]): string {
  if (winnerNames.length === 0) return `${method} ranks no option first`;
  return `${method} ranks ${listNames(winnerNames)} ${winnerNames.length > 1 ? "joint first" : "first"}`;
}

function disagreementsOf(
  options: TallyInput["options"],
  weightedWinners: readonly string[],
  methods: readonly { method: string; winners: readonly string[] }[],
): string[] {
  const nameOf = new Map(options.map((option) => [option.id, option.name]));
  const namesOf = (ids: readonly string[]) => ids.map((id) => nameOf.get(id) ?? id);
  const weightedFirst = describeFirstPlace("the weighted score", namesOf(weightedWinners));
  return methods
    .filter(({ winners }) => !sameSet(winners, weightedWinners))
    .map(({ method, winners }) => `${describeFirstPlace(method, namesOf(winners))}; ${weightedFirst}.`);
}

/** Schulze and Borda over the members' rankings, and whether their winners are the weighted score's. */
export function rankedCrossChecks(
  options: TallyInput["options"],
  memberRankings: readonly [string, MemberRankingEntry[]][],
  weightedWinners: string[],
): Pick<Tally, "schulze" | "borda" | "crossCheck"> {
  const ballots: Ballot[] = memberRankings.map(([, ranking]) => ranking);
  const optionIds = options.map((option) => option.id);
  const schulzeResult = schulze(optionIds, ballots);
  const bordaResult = borda(optionIds, ballots);

  const disagreements = disagreementsOf(options, weightedWinners, [
    { method: "Schulze", winners: schulzeResult.winners },
    { method: "Borda", winners: bordaResult.winners },
  ]);

  return {
    schulze: schulzeResult,
    borda: bordaResult,
    crossCheck: {
      agrees: disagreements.length === 0,
      weightedWinners,
      schulzeWinners: schulzeResult.winners,
      bordaWinners: bordaResult.winners,
      disagreements,
    },
  };
}
