import { Table } from "@/app/_components/table";
import { Card, CardTitle } from "@/app/_components/ui";
import { describeMonteCarlo, DEFAULT_CONCENTRATION, DEFAULT_SAMPLES, monteCarlo } from "@/lib/domain/monte-carlo";
import { describeSensitivity, sensitivity } from "@/lib/domain/sensitivity";
import type { ScoreBasis } from "@/lib/domain/what-if";

const pct = (value: number) => `${Math.round(value * 100)}%`;

/** How solid the win is: the weight ranges that keep the winner, and how often it wins when weights wobble. */
export function SensitivitySection({ basis }: { basis: ScoreBasis }) {
  const report = sensitivity(basis);
  if (report.status === "none") return null;
  const robustness = monteCarlo(basis);
  const name = new Map(basis.options.map((o) => [o.id, o.name]));
  const criterion = new Map(basis.criteria.map((c) => [c.id, c.name]));
  const subject = report.subjectId ? name.get(report.subjectId) : undefined;
  const shares = [...robustness.options].sort((a, b) => b.share - a.share);
  return (
    <Card aria-labelledby="sensitivity-heading">
      <CardTitle id="sensitivity-heading">How solid is the result?</CardTitle>
      <div className="grid gap-6 md:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-semibold">Smallest change that flips first place</h3>
          <p className="text-sm">{describeSensitivity(basis, report)}</p>
          <h3 className="mb-1 mt-4 text-sm font-semibold">Robustness</h3>
          <p className="mb-2 text-sm">{describeMonteCarlo(basis, robustness)}</p>
          <ul className="space-y-1 text-sm" aria-label="Share of random weightings each option wins">
            {shares.map((o) => (
              <li key={o.optionId} className="flex items-center gap-2">
                <span className="w-32 truncate">{name.get(o.optionId)}</span>
                <span className="h-2 flex-1 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                  <span className="block h-2 rounded bg-brand-500" style={{ width: pct(o.share) }} />
                </span>
                <span className="w-12 text-right tabular-nums">{pct(o.share)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
            {DEFAULT_SAMPLES.toLocaleString("en")} random weightings near the group’s (Dirichlet, concentration {DEFAULT_CONCENTRATION}, fixed seed{" "}
            {robustness.seed}), so the figure is the same every time.
          </p>
        </div>
        <div className="min-w-0">
          <h3 id="sensitivity-range-heading" className="mb-1 text-sm font-semibold">
            Weight range in which {subject ?? "the winner"} stays first
          </h3>
          <Table
            labelledBy="sensitivity-range-heading"
            gap="pr-3"
            columns={[{ label: "Criterion" }, { label: "Now" }, { label: "Holds from–to" }, { label: "Then leads" }]}
          >
            {report.criteria.map((c) => (
              <tr key={c.criterionId}>
                <th scope="row" className="py-2 pr-3 font-medium">
                  {criterion.get(c.criterionId)}
                </th>
                <td className="py-2 pr-3 tabular-nums">{pct(c.weight)}</td>
                <td className="py-2 pr-3 tabular-nums">
                  {pct(c.low)}–{pct(c.high)}
                </td>
                <td className="py-2 text-slate-600 dark:text-slate-400">
                  {[c.belowTakeover ? `below: ${name.get(c.belowTakeover)}` : null, c.aboveTakeover ? `above: ${name.get(c.aboveTakeover)}` : null]
                    .filter(Boolean)
                    .join("; ") || "nobody"}
                </td>
              </tr>
            ))}
          </Table>
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Each row moves one criterion’s weight while the others keep their proportions.</p>
        </div>
      </div>
    </Card>
  );
}
