import { Card, CardTitle } from "@/app/_components/ui";
import { describeMonteCarlo, DEFAULT_CONCENTRATION, DEFAULT_SAMPLES } from "@/lib/domain/monte-carlo";
import { robustnessOf } from "@/lib/services/robustness";
import { describeSensitivity, sensitivity } from "@/lib/domain/sensitivity";
import type { ScoreBasis } from "@/lib/domain/what-if";
import { RangeTable, ShareList } from "./sensitivity-figures";

const pct = (value: number) => `${Math.round(value * 100)}%`;

/** How solid the win is: the weight ranges that keep the winner, and how often it wins when weights wobble. */
export function SensitivitySection({ basis }: { basis: ScoreBasis }) {
  const report = sensitivity(basis);
  if (report.status === "none") return null;
  const robustness = robustnessOf(basis);
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
          <ShareList rows={shares.map((o) => ({ name: name.get(o.optionId) ?? "", share: pct(o.share) }))} />
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
            {DEFAULT_SAMPLES.toLocaleString("en")} random weightings near the group’s (Dirichlet, concentration {DEFAULT_CONCENTRATION}, fixed seed{" "}
            {robustness.seed}), so the figure is the same every time.
          </p>
        </div>
        <div className="min-w-0">
          <h3 id="sensitivity-range-heading" className="mb-1 text-sm font-semibold">
            Weight range in which {subject ?? "the winner"} stays first
          </h3>
          <RangeTable
            rows={report.criteria.map((c) => ({
              criterion: criterion.get(c.criterionId) ?? "",
              now: pct(c.weight),
              range: `${pct(c.low)}–${pct(c.high)}`,
              takeover:
                [c.belowTakeover ? `below: ${name.get(c.belowTakeover)}` : null, c.aboveTakeover ? `above: ${name.get(c.aboveTakeover)}` : null]
                  .filter(Boolean)
                  .join("; ") || "nobody",
            }))}
          />
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Each row moves one criterion’s weight while the others keep their proportions.</p>
        </div>
      </div>
    </Card>
  );
}
