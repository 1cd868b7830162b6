import { Table } from "@/app/_components/table";
import { Card, CardTitle } from "@/app/_components/ui";
import type { Tally } from "@/lib/domain/tally";
import { pct } from "./format";

/** Every option's mean score on every criterion, with where the team disagrees marked. */
export function PerCriterionSection({ tally, criteria }: { tally: Tally; criteria: { id: string; name: string }[] }) {
  return (
    <Card aria-labelledby="breakdown-heading">
      <CardTitle id="breakdown-heading">Per criterion</CardTitle>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        Mean score (1–5) with the number of scores and the spread (standard deviation). A wide spread is where the team disagrees.
      </p>
      <Table
        labelledBy="breakdown-heading"
        scrollRegionLabel="Per-criterion table, scrolls sideways"
        gap="pr-3"
        columns={[{ label: "Criterion" }, { label: "Group weight" }, ...tally.options.map((o) => ({ key: o.optionId, label: o.name }))]}
      >
        {criteria.map((c) => (
          <tr key={c.id}>
            <th scope="row" className="py-2 pr-3 font-medium">
              {c.name}
            </th>
            <td className="py-2 pr-3 tabular-nums">{pct(tally.groupWeights[c.id] ?? 0)}</td>
            {tally.options.map((o) => {
              const cell = o.perCriterion[c.id];
              const wide = cell?.sd !== null && cell?.sd !== undefined && cell.sd >= 1;
              return (
                <td key={o.optionId} className={`py-2 pr-3 tabular-nums ${wide ? "bg-amber-50 dark:bg-amber-950/40" : ""}`}>
                  {cell?.mean == null ? (
                    <span className="text-slate-500 dark:text-slate-400">no scores</span>
                  ) : (
                    <>
                      {cell.mean.toFixed(2)}{" "}
                      <span className="text-xs text-slate-500 dark:text-slate-400">
                        n={cell.n}
                        {cell.sd !== null ? ` ±${cell.sd.toFixed(2)}` : ""}
                      </span>
                    </>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </Table>
    </Card>
  );
}
