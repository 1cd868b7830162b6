/**
 * The results charts, on a page of their own (`page.tsx`) linked from the results page. Everything
 * that is text is server-rendered HTML: titles, legends, a summary for each chart (its accessible
 * name), the numbers as tables, and the disagreement heatmap, which is a table itself (`split.tsx`).
 * The three drawings (`drawn-charts.tsx`) are drawn from compact, rounded figures (`data.ts`), on
 * the server and again as the page hydrates; raw scores never reach the client.
 */
import type { ReactNode } from "react";
import { Card } from "@/app/_components/ui";
import { ProfileChart, RankingChart, WeightsChart } from "./drawn-charts";
import { criterionColour, optionColour, optionDash } from "./palette";
import { fixed, legendClass, listNames, muted, Numbers } from "./parts";
import { SimpleTable } from "./simple-table";
import { SplitHeatmap } from "./split";
import type { ChartData, ProfileData, RankingData, WeightsData } from "./types";

export { buildChartData } from "./data";
export type { ChartData } from "./types";

const PROFILE_HEIGHT = 290;
const rankingHeight = (options: number) => Math.max(120, 40 + options * 40);
const weightsHeight = (criteria: number) => Math.max(120, 40 + criteria * 44);

export function ResultsCharts({ data }: { data: ChartData }) {
  const { ranking, profile, weights, split } = data;
  return (
    // The page's own heading names the charts; each chart's title is a heading under it.
    <Card>
      <div className="results-charts grid gap-x-8 gap-y-10 lg:grid-cols-2">
        {data.scored ? (
          <>
            <ChartBlock
              id="chart-ranking"
              className="lg:col-span-2"
              title="What each option’s score is made of"
              intro="One bar per option, on 0–100: each segment is the points one criterion adds, its group weight × the option’s mean score there."
              legend={<SwatchLegend items={ranking.criteria.map((name, i) => ({ name, colour: criterionColour(i) }))} />}
              label={rankingSummary(ranking)}
              height={rankingHeight(ranking.rows.length)}
              chart={<RankingChart data={ranking} />}
              numbers={<RankingTable data={ranking} />}
            />
            <ProfileBlock data={profile} />
          </>
        ) : (
          <p className={`${muted} lg:col-span-2`} role="note">
            Nobody scored any option, so there is no ranking, profile or split to draw yet.
          </p>
        )}
        <WeightsBlock data={weights} className={data.scored ? undefined : "lg:col-span-2"} />
        {data.scored ? (
          <figure aria-labelledby="chart-split-title" className="min-w-0 lg:col-span-2">
            <h2 id="chart-split-title" className="font-semibold">
              Where the team splits
            </h2>
            <SplitHeatmap data={split} />
          </figure>
        ) : null}
      </div>
    </Card>
  );
}

function ChartBlock(props: {
  id: string;
  title: string;
  intro: ReactNode;
  legend: ReactNode;
  label: string;
  /** The box's fixed height, for charts drawn to fill it; a chart that sizes itself (the profile) has none. */
  height?: number;
  chart: ReactNode;
  numbers: ReactNode;
  className?: string;
}) {
  return (
    <figure aria-labelledby={`${props.id}-title`} className={`min-w-0 ${props.className ?? ""}`}>
      <h2 id={`${props.id}-title`} className="font-semibold">
        {props.title}
      </h2>
      <p className={`mt-1 ${muted}`}>{props.intro}</p>
      {props.legend}
      <div role="img" aria-label={props.label} style={props.height ? { height: props.height } : undefined} className="mt-3 text-slate-700 dark:text-slate-300">
        {props.chart}
      </div>
      <noscript>
        <p className={`mt-2 ${muted}`}>{props.label}</p>
      </noscript>
      <Numbers>{props.numbers}</Numbers>
    </figure>
  );
}

function SwatchLegend({ items }: { items: { name: string; colour: string }[] }) {
  return (
    <ul className={legendClass} aria-label="Legend">
      {items.map((item, i) => (
        <li key={i} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={{ background: item.colour }} />
          {item.name}
        </li>
      ))}
    </ul>
  );
}

/* Ranking ---------------------------------------------------------------------------------------- */

function rankingSummary({ criteria, rows }: RankingData): string {
  const scored = rows.filter((r) => r.score !== null);
  const scores = `Weighted scores out of 100: ${scored.map((r) => `${r.name} ${fixed(r.score, 1)}`).join(", ")}.`;
  const leaders = rows.filter((r) => r.rank === 1);
  const leader = leaders[0];
  if (!leader) return scores;
  const first = leaders.length > 1 ? `${listNames(leaders.map((r) => r.name))} tie for first.` : `${leader.name} leads with ${fixed(leader.score, 1)} of 100.`;
  let most = -1;
  leader.parts.forEach((part, i) => {
    if (part !== null && (most < 0 || part > (leader.parts[most] ?? 0))) most = i;
  });
  const driver = most >= 0 ? ` ${criteria[most]} adds the most to ${leader.name}’s score (${fixed(leader.parts[most], 1)} points).` : "";
  return `${first}${driver} ${scores}`;
}

function RankingTable({ data }: { data: RankingData }) {
  return (
    <SimpleTable
      caption="Points each criterion adds to each option’s weighted score (0–100)"
      head={["Option", ...data.criteria, "Score"]}
      rows={data.rows.map((r) => ({ head: r.name, cells: [...r.parts.map((p) => fixed(p, 1)), fixed(r.score, 1)] }))}
    />
  );
}

/* Profile ---------------------------------------------------------------------------------------- */

function profileSummary({ criteria, series }: ProfileData): string {
  const parts = series.map((s) => {
    let best = -1;
    let worst = -1;
    s.means.forEach((m, i) => {
      if (m === null) return;
      if (best < 0 || m > (s.means[best] ?? 0)) best = i;
      if (worst < 0 || m < (s.means[worst] ?? 0)) worst = i;
    });
    if (best < 0) return `${s.name} has no scores`;
    return `${s.name} is strongest on ${criteria[best]} (${fixed(s.means[best], 2)}) and weakest on ${criteria[worst]} (${fixed(s.means[worst], 2)})`;
  });
  return `Mean scores from 1 to 5 of the top ${series.length} option${series.length === 1 ? "" : "s"} on ${criteria.length} criteria. ${parts.join("; ")}.`;
}

function ProfileBlock({ data }: { data: ProfileData }) {
  const numbers = (
    <SimpleTable
      caption="Mean score (1–5) of the top options on each criterion"
      head={["Criterion", ...data.series.map((s) => s.name)]}
      rows={data.criteria.map((name, c) => ({ head: name, cells: data.series.map((s) => fixed(s.means[c], 2)) }))}
    />
  );
  const intro = "The best-ranked options’ mean scores on each criterion, from 1 (poor) at the centre to 5 (excellent) at the rim.";
  if (data.criteria.length < 3) {
    return (
      <figure aria-labelledby="chart-profile-title" className="min-w-0">
        <h2 id="chart-profile-title" className="font-semibold">
          Profile of the top options
        </h2>
        <p className={`mt-1 ${muted}`}>A profile needs at least three criteria to draw; here are the means.</p>
        {numbers}
      </figure>
    );
  }
  return (
    <ChartBlock
      id="chart-profile"
      title="Profile of the top options"
      intro={intro}
      legend={<LineLegend names={data.series.map((s) => s.name)} />}
      label={profileSummary(data)}
      chart={<ProfileChart data={data} height={PROFILE_HEIGHT} />}
      numbers={numbers}
    />
  );
}

function LineLegend({ names }: { names: string[] }) {
  return (
    <ul className={legendClass} aria-label="Legend">
      {names.map((name, i) => (
        <li key={i} className="flex items-center gap-1.5">
          <svg aria-hidden="true" width="24" height="10" className="shrink-0">
            <line x1="1" y1="5" x2="23" y2="5" stroke={optionColour(i)} strokeWidth="2.5" strokeDasharray={optionDash(i)} />
          </svg>
          {name}
        </li>
      ))}
    </ul>
  );
}

/* Weights ---------------------------------------------------------------------------------------- */

/** One criterion's weights as sorted values with how many gave each (1 each when every member has a dot). */
function weightColumn(data: WeightsData, c: number): { values: number[]; counts: number[]; total: number } {
  const values = data.members[c] ?? [];
  if (data.counts) {
    const counts = data.counts[c] ?? [];
    return { values, counts, total: counts.reduce((a, b) => a + b, 0) };
  }
  const sorted = [...values].sort((a, b) => a - b);
  return { values: sorted, counts: sorted.map(() => 1), total: sorted.length };
}

/** The value at a position of the sorted column, positions counted with repeats. */
function nth({ values, counts }: { values: number[]; counts: number[] }, position: number): number {
  let seen = 0;
  for (const [i, value] of values.entries()) {
    seen += counts[i]!;
    if (position < seen) return value;
  }
  return values[values.length - 1]!;
}

function median(column: ReturnType<typeof weightColumn>): number | null {
  const { total } = column;
  if (total === 0) return null;
  const mid = Math.floor(total / 2);
  return total % 2 ? nth(column, mid) : (nth(column, mid - 1) + nth(column, mid)) / 2;
}

function weightsSummary(data: WeightsData): string {
  const { criteria, group, fallback } = data;
  const groupText = `Group weights: ${criteria.map((c, i) => `${c} ${Math.round(group[i] ?? 0)}%`).join(", ")}.`;
  if (fallback) return `Nobody gave usable weights, so every criterion counts the same. ${groupText}`;
  const columns = criteria.map((_, c) => weightColumn(data, c));
  const count = columns[0]?.total ?? 0;
  let widest = -1;
  let widestRange = -1;
  columns.forEach((column, c) => {
    const range = column.values.length > 0 ? column.values[column.values.length - 1]! - column.values[0]! : 0;
    if (column.total > 1 && range > widestRange) {
      widest = c;
      widestRange = range;
    }
  });
  const low = columns[widest]?.values[0];
  const high = columns[widest]?.values.at(-1);
  const split = widest >= 0 ? ` Members differ most on ${criteria[widest]}: from ${low}% to ${high}%.` : "";
  return `${groupText} From ${count} member${count === 1 ? "" : "s"}’ weights.${split}`;
}

function WeightsBlock({ data, className }: { data: WeightsData; className?: string }) {
  if (data.criteria.length === 0) return null;
  const count = weightColumn(data, 0).total;
  const numbers = (
    <SimpleTable
      caption="Group weight and the spread of members’ weights per criterion, in percent"
      head={["Criterion", "Group", "Lowest", "Median", "Highest"]}
      rows={data.criteria.map((name, c) => {
        const column = weightColumn(data, c);
        return {
          head: name,
          cells: [
            `${fixed(data.group[c], 1)}%`,
            ...[column.values[0], median(column), column.values.at(-1)].map((v) => (v === undefined || v === null ? "—" : `${Math.round(v)}%`)),
          ],
        };
      })}
    />
  );
  return (
    <ChartBlock
      id="chart-weights"
      className={className}
      title="Weights: each member and the group"
      intro={
        data.fallback
          ? "Nobody gave usable weights, so every criterion counts the same."
          : data.counts
            ? `Each dot is a weight members gave a criterion, larger the more members gave it (${count} members, each adding up to 100%); the bar is the group weight, their mean.`
            : `Each dot is one member’s weight for a criterion (${count} member${count === 1 ? "" : "s"}, each adding up to 100%); the bar is the group weight, their mean.`
      }
      legend={
        <ul className={legendClass} aria-label="Legend">
          <li className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block h-3 w-5 rounded-sm"
              style={{ background: "var(--weight-bar)", boxShadow: "inset -3px 0 0 var(--weight-edge)" }}
            />
            Group weight
          </li>
          {data.fallback ? null : (
            <li className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block size-2 rounded-full opacity-70" style={{ background: "var(--chart-dot)" }} />
              One member’s weight
            </li>
          )}
        </ul>
      }
      label={weightsSummary(data)}
      height={weightsHeight(data.criteria.length)}
      chart={<WeightsChart data={data} />}
      numbers={numbers}
    />
  );
}
