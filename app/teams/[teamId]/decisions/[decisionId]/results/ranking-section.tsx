import { Card, CardTitle } from "@/app/_components/ui";
import type { Tally } from "@/lib/domain/tally";
import { pct, points } from "./format";
import { type RankingRow, RankingTable } from "./ranking-table";

export function rankingRows(tally: Tally): RankingRow[] {
  return tally.options.map((o) => ({
    name: o.name,
    rank: o.rank,
    tie: tally.options.filter((p) => p.rank !== null && p.rank === o.rank).length > 1,
    score: points(o.score),
    width: Math.round((o.score ?? 0) * 100) / 100,
    coverage: pct(o.coverage),
    spread: o.spread === null ? "—" : `±${o.spread.toFixed(1)}`,
  }));
}

/** The weighted ranking: who comes first, from how many people's inputs, and each option's score. */
export function RankingSection({ tally, optionName, weighers, scorers }: { tally: Tally; optionName: Map<string, string>; weighers: number; scorers: number }) {
  const winnerNames = tally.winners.map((id) => optionName.get(id)).join(" and ");
  return (
    <Card aria-labelledby="ranking-heading">
      <CardTitle id="ranking-heading">Weighted ranking</CardTitle>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        {tally.winners.length === 0
          ? "Nobody scored any option, so there is no ranking."
          : tally.tiedWinner
            ? `${winnerNames} tie for first place.`
            : `${winnerNames} comes first.`}{" "}
        From {weighers} member{weighers === 1 ? "’s" : "s’"} weights and {scorers} member{scorers === 1 ? "’s" : "s’"} scores; each option’s score is the sum of
        group weight × mean score, on 0–100.
        {tally.weightsFallback ? " Nobody gave usable weights, so every criterion counts the same." : ""}
      </p>
      <RankingTable rows={rankingRows(tally)} />
    </Card>
  );
}
