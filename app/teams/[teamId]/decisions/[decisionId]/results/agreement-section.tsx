import { Badge, Card, CardTitle } from "@/app/_components/ui";
import { readCrossCheck } from "@/lib/domain/cross-check-reading";
import type { Tally } from "@/lib/domain/tally";
import { pct } from "./format";

/** Whether ranked methods pick the same winner, and how much the team's scores agree. */
export function AgreementSection({ tally, optionName }: { tally: Tally; optionName: Map<string, string> }) {
  const reading = readCrossCheck(tally);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <Card aria-labelledby="crosscheck-heading">
        <CardTitle id="crosscheck-heading">Cross-check with ranked methods</CardTitle>
        {reading.verdict === "agrees" ? (
          <p className="mb-3 flex items-center gap-2 text-sm">
            <Badge tone="good">{reading.badge}</Badge> Schulze and Borda, counted on each member’s own ranking, pick the same winner.
          </p>
        ) : (
          <div className="mb-3 space-y-2 text-sm">
            <Badge tone={reading.tone}>{reading.badge}</Badge>
            <ul className="list-disc pl-5">
              {tally.crossCheck.disagreements.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
            <p role="note" className="rounded-lg bg-slate-100 px-3 py-2 text-slate-700 dark:bg-slate-800 dark:text-slate-300">
              {reading.note}
            </p>
          </div>
        )}
        <dl className="grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500 dark:text-slate-400">Schulze</dt>
          <dd>{tally.schulze.ranking.map((r) => `${r.rank}. ${optionName.get(r.optionId)}`).join(" · ") || "—"}</dd>
          <dt className="text-slate-500 dark:text-slate-400">Borda</dt>
          <dd>{tally.borda.ranking.map((r) => `${r.rank}. ${optionName.get(r.optionId)} (${tally.borda.points[r.optionId]})`).join(" · ") || "—"}</dd>
        </dl>
      </Card>
      <Card aria-labelledby="consensus-heading">
        <CardTitle id="consensus-heading">Agreement</CardTitle>
        {tally.consensus ? (
          <>
            <p className="text-3xl font-semibold tabular-nums">{pct(tally.consensus.value)}</p>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {tally.consensus.label[0]!.toUpperCase() + tally.consensus.label.slice(1)} consensus: 100% means everyone gave every option the same score on
              every criterion.
            </p>
          </>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">Agreement needs at least two people scoring the same option on the same criterion.</p>
        )}
      </Card>
    </div>
  );
}
