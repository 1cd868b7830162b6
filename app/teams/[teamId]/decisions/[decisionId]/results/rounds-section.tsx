import { Table } from "@/app/_components/table";
import { Card, CardTitle } from "@/app/_components/ui";
import type { RoundStanding } from "@/lib/domain/tally-rounds";

/** How each option's rank and score moved from one scoring round to the next. */
export function RoundsSection({
  rounds,
  optionOrder,
}: {
  rounds: { round: number; standings: RoundStanding[] }[];
  optionOrder: { optionId: string; name: string }[];
}) {
  if (rounds.length < 2) return null;
  const cell = (standings: RoundStanding[], optionId: string) => standings.find((o) => o.optionId === optionId);
  const last = rounds[rounds.length - 1]!;
  const first = rounds[0]!;
  const summary = optionOrder
    .map((o) => {
      const from = cell(first.standings, o.optionId)?.rank;
      const to = cell(last.standings, o.optionId)?.rank;
      return from && to && from !== to ? `${o.name} moved from #${from} to #${to}` : null;
    })
    .filter(Boolean)
    .join("; ");
  return (
    <Card aria-labelledby="rounds-heading">
      <CardTitle id="rounds-heading">How the ranking moved between rounds</CardTitle>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{summary ? `${summary}.` : "The order stayed the same across rounds."}</p>
      <Table
        labelledBy="rounds-heading"
        gap="pr-3"
        columns={[{ label: "Option" }, ...rounds.map((r) => ({ key: String(r.round), label: `Round ${r.round}` }))]}
      >
        {optionOrder.map((o) => (
          <tr key={o.optionId}>
            <th scope="row" className="py-2 pr-3 font-medium">
              {o.name}
            </th>
            {rounds.map((r, i) => {
              const now = cell(r.standings, o.optionId);
              const before = i > 0 ? cell(rounds[i - 1]!.standings, o.optionId) : undefined;
              const moved = before?.rank && now?.rank ? before.rank - now.rank : 0;
              return (
                <td key={r.round} className="py-2 pr-3 tabular-nums">
                  {now?.rank ? `#${now.rank}` : "—"}{" "}
                  <span className="text-slate-500 dark:text-slate-400">{now?.score == null ? "" : now.score.toFixed(1)}</span>
                  {moved !== 0 ? (
                    <span className={moved > 0 ? "ml-1 text-emerald-700 dark:text-emerald-300" : "ml-1 text-red-700 dark:text-red-300"}>
                      {moved > 0 ? `▲${moved}` : `▼${-moved}`}
                      <span className="sr-only">{moved > 0 ? " up" : " down"}</span>
                    </span>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </Table>
    </Card>
  );
}
