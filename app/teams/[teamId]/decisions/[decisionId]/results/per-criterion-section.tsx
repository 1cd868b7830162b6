import { Card, CardTitle } from "@/app/_components/ui";
import type { Tally } from "@/lib/domain/tally";
import { pct } from "./format";
import { type PerCriterionData, PerCriterionTable } from "./per-criterion-table";

/** The grid's figures, formatted once on the server. */
export function perCriterionData(tally: Tally, criteria: { id: string; name: string }[]): PerCriterionData {
  return {
    options: tally.options.map((o) => o.name),
    rows: criteria.map((c) => ({
      name: c.name,
      weight: pct(tally.groupWeights[c.id] ?? 0),
      cells: tally.options.map((o) => {
        const cell = o.perCriterion[c.id];
        if (cell?.mean == null) return null;
        return [cell.mean.toFixed(2), cell.n, cell.sd === null ? null : cell.sd.toFixed(2), cell.sd !== null && cell.sd >= 1 ? 1 : 0];
      }),
    })),
  };
}

/** Every option's mean score on every criterion, with where the team disagrees marked. */
export function PerCriterionSection({ tally, criteria }: { tally: Tally; criteria: { id: string; name: string }[] }) {
  return (
    <Card aria-labelledby="breakdown-heading">
      <CardTitle id="breakdown-heading">Per criterion</CardTitle>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        Mean score (1–5) with the number of scores and the spread (standard deviation). A wide spread is where the team disagrees.
      </p>
      <PerCriterionTable data={perCriterionData(tally, criteria)} />
    </Card>
  );
}
