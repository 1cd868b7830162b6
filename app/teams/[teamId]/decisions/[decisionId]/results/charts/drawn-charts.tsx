"use client";

/**
 * The three drawings of the results charts, in plain HTML and SVG with no chart library: a few
 * kilobytes of script instead of the 130 KB (gzip) Recharts took to load and run after the page.
 * They are drawn from the compact figures the page carries (`data.ts`), on the server as in the
 * browser, so they show before any script has run and without JavaScript; on a page of their own,
 * the marks' HTML (about 20 KB at 12 × 12 and 1,000 members) no longer crowds the results page.
 * A client component all the same: the page's payload then carries the figures, not the marks.
 * Each box is a `role="img"` named by its summary, with the numbers in a table under it. The marks
 * are drawn compactly (a gradient per stacked bar, one path per dot size), so there is little to build.
 */
import type { ReactNode } from "react";
import { criterionColour, optionColour, optionDash } from "./palette";
import type { ProfileData, RankingData, WeightsData } from "./types";

/** Category labels are names people typed: keep them to one line beside the plot. */
const shorten = (label: string, max: number) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);

const AXIS_HEIGHT = 22;
const percent = (value: number) => `${Math.round(Math.min(100, Math.max(0, value)) * 10) / 10}%`;

// Styles sit on the frame's columns and reach their children by selector: a 12-row chart repeats
// no class lists, which keeps the results page inside its HTML budget.
const NAMES =
  "flex w-28 shrink-0 flex-col pr-2 [&>span]:flex [&>span]:min-h-0 [&>span]:flex-1 [&>span]:items-center [&>span]:justify-end [&>span>span]:max-w-full [&>span>span]:truncate";
const PLOT = [
  "relative flex min-w-0 flex-1 flex-col border-l border-[var(--chart-grid)]",
  "[&>span]:absolute [&>span]:inset-y-0 [&>span]:border-l [&>span]:border-dashed [&>span]:border-[var(--chart-grid)]",
  "[&>div]:relative [&>div]:flex [&>div]:flex-1 [&>div]:items-center",
  "[&_svg]:absolute [&_svg]:inset-0 [&_svg]:h-full [&_svg]:w-full [&_svg]:overflow-visible [&_path]:[vector-effect:non-scaling-stroke]",
].join(" ");

/** A horizontal bar chart's frame: names on the left, the plot with its grid, the axis below; each child of the plot is a row. */
function BarFrame({
  names,
  ticks,
  top,
  unit = "",
  right,
  children,
}: {
  names: string[];
  ticks: number[];
  top: number;
  unit?: string;
  right: number;
  children: ReactNode;
}) {
  return (
    <div className="flex h-full flex-col text-xs">
      <div className="flex min-h-0 flex-1">
        <div className={NAMES}>
          {names.map((name, i) => (
            <span key={i}>
              <span>{shorten(name, 30)}</span>
            </span>
          ))}
        </div>
        <div className={PLOT} style={{ marginRight: right }}>
          {ticks.map((tick) => (
            <span key={tick} style={{ left: percent((tick / top) * 100) }} />
          ))}
          {children}
        </div>
      </div>
      <div className="relative ml-28 border-t" style={{ height: AXIS_HEIGHT, marginRight: right, borderColor: "var(--chart-grid)" }}>
        {ticks.map((tick) => (
          <span key={tick} className="absolute top-1 -translate-x-1/2 tabular-nums" style={{ left: percent((tick / top) * 100) }}>
            {tick}
            {unit}
          </span>
        ))}
      </div>
    </div>
  );
}

/** One decimal at most: the marks are a few hundred pixels wide, and the page carries every figure. */
const short = (value: number) => String(Math.round(value * 10) / 10);

export function RankingChart({ data }: { data: RankingData }) {
  return (
    <BarFrame names={data.rows.map((row) => row.name)} ticks={[0, 25, 50, 75, 100]} top={100} right={56}>
      {data.rows.map((row, r) => {
        // The stacked segments are one gradient with hard stops: the 144 segments of a 12 × 12
        // decision stay a few kilobytes of HTML.
        const total = row.score ?? 0;
        let end = 0;
        const stops = row.parts.flatMap((part, c) => {
          if (!part || total <= 0) return [];
          end += (part / total) * 100;
          return [`${criterionColour(c)} 0 ${short(end)}%`];
        });
        return (
          <div key={r}>
            <span className="h-[56%]" style={{ width: percent(total), background: stops.length ? `linear-gradient(90deg,${stops.join(",")})` : undefined }} />
            <span className="absolute whitespace-nowrap tabular-nums" style={{ left: `calc(${percent(total)} + 4px)` }}>
              {row.score === null ? "no score" : row.score.toFixed(1)}
            </span>
          </div>
        );
      })}
    </BarFrame>
  );
}

/** Up to six round ticks from 0 to `top` (a multiple of ten). */
function weightTicks(top: number): number[] {
  const step = [2, 5, 10, 20, 25, 50].find((s) => top % s === 0 && top / s <= 6) ?? 10;
  return Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step);
}

/**
 * A row's member dots as SVG paths, one per dot size: each dot a zero-length stroke with round
 * caps, so hundreds of dots cost a few bytes each and stay round however the row stretches.
 */
function Dots({ dots, opacity }: { dots: { x: number; y: number; size: number }[]; opacity: number }) {
  const bySize = new Map<number, string>();
  for (const dot of dots) bySize.set(dot.size, `${bySize.get(dot.size) ?? ""}M${Math.round(dot.x * 10)} ${Math.round(dot.y)}h0`);
  return (
    <svg aria-hidden="true" viewBox="0 0 1000 100" preserveAspectRatio="none" stroke="var(--chart-dot)" strokeOpacity={opacity} strokeLinecap="round">
      {[...bySize].map(([size, d]) => (
        <path key={size} d={d} strokeWidth={size} />
      ))}
    </svg>
  );
}

export function WeightsChart({ data }: { data: WeightsData }) {
  const highest = Math.max(0, ...data.group, ...data.members.flat());
  const top = Math.max(10, Math.ceil(highest / 10) * 10);
  const count = data.counts ? (data.counts[0] ?? []).reduce((a, b) => a + b, 0) : (data.members[0]?.length ?? 0);
  const size = count <= 20 ? 7 : count <= 80 ? 5.5 : 4.5;
  const at = (weight: number) => Math.min(100, Math.max(0, (weight / top) * 100));
  const dotsOf = (c: number) =>
    (data.members[c] ?? []).map((weight, m) => {
      const given = data.counts?.[c]?.[m];
      if (given !== undefined) {
        // A dot for everyone who gave that weight: its area grows with their share, in whole pixels.
        return { x: at(weight), y: 50, size: Math.round(Math.min(22, 4.5 + 12 * Math.sqrt(given / Math.max(1, count)))) };
      }
      // A low-discrepancy sequence spreads equal weights over the bar's height, the same every render.
      return { x: at(weight), y: 50 + (((m * 0.6180339887) % 1) - 0.5) * 50, size };
    });
  return (
    <BarFrame names={data.criteria} ticks={weightTicks(top)} top={top} unit="%" right={24}>
      {data.criteria.map((criterion, c) => (
        <div key={c}>
          <span className="h-[45%]" style={{ width: percent(at(data.group[c] ?? 0)), background: "var(--weight-bar)" }} />
          <Dots dots={dotsOf(c)} opacity={data.counts ? 0.5 : count <= 20 ? 0.65 : count <= 80 ? 0.4 : 0.25} />
          <span
            className="absolute h-[64%] w-[3px] -translate-x-1/2 rounded-full"
            style={{ left: percent(at(data.group[c] ?? 0)), background: "var(--weight-edge)" }}
          />
        </div>
      ))}
    </BarFrame>
  );
}

/* Profile: a radar of mean scores 1..5, drawn in a fixed frame that scales to the box. ----------- */

const WIDTH = 380;
const RADIUS = 92;
const LEVELS = [2, 3, 4, 5];

/** A criterion's name on at most two short lines. */
function labelLines(name: string): string[] {
  const lines: string[] = [];
  for (const word of name.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= 15) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 2 ? [lines[0]!, shorten(lines.slice(1).join(" "), 15)] : lines.map((line) => shorten(line, 15));
}

export function ProfileChart({ data, height }: { data: ProfileData; height: number }) {
  const n = data.criteria.length;
  const cx = WIDTH / 2;
  const cy = height / 2;
  // Clockwise from the top, as a clock reads.
  const angle = (i: number) => Math.PI / 2 - (2 * Math.PI * i) / n;
  const point = (i: number, r: number) => [Math.round((cx + r * Math.cos(angle(i))) * 10) / 10, Math.round((cy - r * Math.sin(angle(i))) * 10) / 10] as const;
  const radius = (mean: number) => (RADIUS * (mean - 1)) / 4;
  const ring = (r: number) => data.criteria.map((_, i) => point(i, r).join(",")).join(" ");
  // The scale's numbers sit between the first two spokes, off every criterion's label and points.
  const between = Math.PI / 2 - Math.PI / n;
  return (
    // As tall as its width needs, up to `height`: a fixed height left a phone's narrower chart floating in blank space.
    <svg width="100%" viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto overflow-visible" style={{ maxHeight: height }} fontSize={12}>
      <g stroke="var(--chart-grid)" fill="none">
        {LEVELS.map((level) => (
          <polygon key={level} points={ring(radius(level))} />
        ))}
        <path d={data.criteria.map((_, i) => `M${cx} ${cy}L${point(i, RADIUS).join(" ")}`).join("")} />
      </g>
      <g fontSize={10} fill="currentColor">
        {[1, ...LEVELS].map((level) => (
          <text key={level} x={Math.round(cx + radius(level) * Math.cos(between)) + 3} y={Math.round(cy - radius(level) * Math.sin(between))}>
            {level}
          </text>
        ))}
      </g>
      <g fill="currentColor">
        {data.criteria.map((name, i) => {
          const [x, y] = point(i, RADIUS + 10);
          const cos = Math.cos(angle(i));
          const sin = Math.sin(angle(i));
          const lines = labelLines(name);
          // Above the chart the label grows upwards, below it downwards; at the sides it is centred.
          const first = sin > 0.3 ? -(lines.length - 1) * 14 : sin < -0.3 ? 10 : 4 - ((lines.length - 1) * 14) / 2;
          return (
            <text key={i} x={x} y={y + first} textAnchor={cos > 0.2 ? "start" : cos < -0.2 ? "end" : "middle"}>
              {lines.length === 1
                ? lines[0]
                : lines.map((line, l) => (
                    <tspan key={l} x={x} dy={l === 0 ? 0 : 14}>
                      {line}
                    </tspan>
                  ))}
            </text>
          );
        })}
      </g>
      {data.series.map((series, s) => {
        const points = series.means.flatMap((mean, i) => (mean === null ? [] : [point(i, radius(mean))]));
        return (
          <g key={s} stroke={optionColour(s)} fill={optionColour(s)}>
            <polygon points={points.map((p) => p.join(",")).join(" ")} strokeWidth={2} strokeDasharray={optionDash(s)} fillOpacity={s === 0 ? 0.14 : 0.04} />
            {/* Its points as round dots, zero-length strokes in one path. */}
            <path d={points.map(([x, y]) => `M${x} ${y}h0`).join("")} strokeWidth={6} strokeLinecap="round" />
          </g>
        );
      })}
    </svg>
  );
}
