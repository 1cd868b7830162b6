import { Card, CardTitle } from "@/app/_components/ui";
import type { DecisionStatus } from "@/lib/domain/phases";
import { valuesVisible } from "@/lib/exports/build";

const linkClass = "font-medium text-brand-600 hover:underline dark:text-brand-100";

/** Download links for the decision's exports; the scores CSV only once the results are revealed. */
export function ExportLinks({ base, status }: { base: string; status: DecisionStatus }) {
  const revealed = valuesVisible(status);
  return (
    <Card aria-labelledby="export-heading">
      <CardTitle id="export-heading">Export</CardTitle>
      <ul className="space-y-2 text-sm">
        <li>
          <a href={`${base}/export/madr`} download className={linkClass}>
            Decision record (Markdown)
          </a>
          <p className="text-xs text-slate-500 dark:text-slate-400">An ADR in MADR format, ready for your repository’s docs/decisions folder.</p>
        </li>
        <li>
          <a href={`${base}/export/json`} download className={linkClass}>
            Whole decision (JSON)
          </a>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {revealed
              ? "Options, criteria, weights, scores of every round, tally and history."
              : "Options, criteria and history; weights and scores stay sealed until the reveal."}
          </p>
        </li>
        <li>
          {revealed ? (
            <>
              <a href={`${base}/export/csv`} download className={linkClass}>
                Scores (CSV)
              </a>
              <p className="text-xs text-slate-500 dark:text-slate-400">One row per score, or per cell in aggregate for anonymous decisions.</p>
            </>
          ) : (
            <p className="text-slate-500 dark:text-slate-400">Scores (CSV) can be downloaded once the results are revealed.</p>
          )}
        </li>
      </ul>
    </Card>
  );
}
