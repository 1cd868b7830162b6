import { Table } from "@/app/_components/table";
import { Card, CardTitle } from "@/app/_components/ui";
import type { Tally } from "@/lib/domain/tally";
import { pct, points } from "./format";

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
      <Table
        labelledBy="ranking-heading"
        gap="pr-3"
        columns={[{ label: "Rank" }, { label: "Option" }, { label: "Score (0–100)", className: "w-1/3" }, { label: "Coverage" }, { label: "Spread" }]}
      >
        {tally.options.map((o) => {
          const tiedWith = tally.options.filter((p) => p.rank !== null && p.rank === o.rank).length > 1;
          return (
            <tr key={o.optionId}>
              <td className="py-2 pr-3 tabular-nums">
                {o.rank ?? "—"}
                {tiedWith ? <span className="ml-1 text-xs text-amber-700 dark:text-amber-300">(tie)</span> : null}
              </td>
              <td className="py-2 pr-3 font-medium">{o.name}</td>
              <td className="py-2 pr-3">
                <div className="flex items-center gap-2">
                  <div className="h-2 flex-1 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                    <div className="h-2 rounded bg-brand-500" style={{ width: `${o.score ?? 0}%` }} />
                  </div>
                  <span className="w-12 text-right tabular-nums">{points(o.score)}</span>
                </div>
              </td>
              <td className="py-2 pr-3 tabular-nums">{pct(o.coverage)}</td>
              <td className="py-2 tabular-nums">{o.spread === null ? "—" : `±${o.spread.toFixed(1)}`}</td>
            </tr>
          );
        })}
      </Table>
    </Card>
  );
}
