"use client";

/**
 * The Recharts drawings of the results charts. Loaded lazily by `lazy.tsx`, never on the server:
 * titles, legends, summaries and tables are server HTML around them (see `index.tsx`).
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  DefaultZIndexes,
  LabelList,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  usePlotArea,
  useXAxisScale,
  XAxis,
  YAxis,
  ZIndexLayer,
} from "recharts";
import { criterionColour, optionColour, optionDash } from "./palette";
import type { ProfileData, RankingData, WeightsData } from "./types";

const tick = { fill: "currentColor", fontSize: 12 };
const axisLine = { stroke: "var(--chart-grid)" };
/**
 * Tooltips in the theme's colours, text in the body colour (series colours are for marks, not for
 * small text), each line with its swatch, in the series' own order.
 */
function TooltipBox({ active, payload, label, format }: TooltipContentProps & { format: (value: number | null) => string }) {
  if (!active || payload.length === 0) return null;
  return (
    <div
      className="rounded-lg border px-3 py-2 text-xs shadow-md"
      style={{ background: "var(--tooltip-bg)", borderColor: "var(--tooltip-border)", color: "var(--tooltip-text)" }}
    >
      <p className="mb-1 font-semibold">{label}</p>
      <ul className="space-y-0.5">
        {payload.map((item) => (
          <li key={String(item.dataKey)} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block size-2.5 rounded-sm" style={{ background: item.color ?? item.fill ?? item.stroke }} />
            {item.name}: <span className="tabular-nums">{format(typeof item.value === "number" ? item.value : null)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
const seriesOrder = (item: { dataKey?: unknown }) => Number(String(item.dataKey).slice(1)) || 0;
const tooltip = (format: (value: number | null) => string) => ({
  content: (props: TooltipContentProps) => <TooltipBox {...props} format={format} />,
  itemSorter: seriesOrder,
  wrapperStyle: { zIndex: 10 },
});

/** Category labels are names people typed: keep them to one line beside the plot. */
const shorten = (label: unknown, max = 18) => {
  const text = String(label);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

export function RankingChart({ data, height }: { data: RankingData; height: number }) {
  const last = data.criteria.length - 1;
  const rows = data.rows.map((row) => {
    const entry: Record<string, string | number> = { name: row.name, label: row.score === null ? "no score" : row.score.toFixed(1) };
    row.parts.forEach((part, index) => {
      entry[`c${index}`] = part ?? 0;
    });
    return entry;
  });
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart layout="vertical" data={rows} margin={{ top: 4, right: 56, bottom: 4, left: 4 }} barCategoryGap="22%" accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke="var(--chart-grid)" strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={tick} axisLine={axisLine} tickLine={axisLine} />
        <YAxis type="category" dataKey="name" width={112} tick={tick} tickFormatter={(v) => shorten(v, 30)} axisLine={axisLine} tickLine={false} />
        <Tooltip {...tooltip((value) => (value === null ? "—" : `${value.toFixed(1)} points`))} cursor={{ fill: "var(--chart-cursor)" }} />
        {data.criteria.map((criterion, index) => (
          <Bar
            key={index}
            isAnimationActive={false}
            dataKey={`c${index}`}
            name={criterion}
            stackId="score"
            fill={criterionColour(index)}
            stroke="var(--chart-surface)"
            strokeWidth={1}
          >
            {index === last ? <LabelList dataKey="label" position="right" fill="currentColor" fontSize={12} /> : null}
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function ProfileChart({ data, height }: { data: ProfileData; height: number }) {
  const rows = data.criteria.map((criterion, c) => {
    const entry: Record<string, string | number | null> = { criterion };
    data.series.forEach((series, s) => {
      entry[`o${s}`] = series.means[c] ?? null;
    });
    return entry;
  });
  return (
    <ResponsiveContainer width="100%" height={height}>
      <RadarChart data={rows} outerRadius="62%" margin={{ top: 8, right: 40, bottom: 8, left: 40 }} accessibilityLayer={false}>
        <PolarGrid stroke="var(--chart-grid)" />
        <PolarAngleAxis dataKey="criterion" tick={{ ...tick, width: 92 }} tickFormatter={(v) => shorten(v, 30)} />
        {/* Between the first two spokes, so its numbers never sit on a criterion's label or points. */}
        <PolarRadiusAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} angle={90 - 180 / data.criteria.length} tick={{ ...tick, fontSize: 10 }} axisLine={false} />
        <Tooltip {...tooltip((value) => (value === null ? "no scores" : value.toFixed(2)))} />
        {data.series.map((series, index) => (
          <Radar
            key={index}
            isAnimationActive={false}
            dataKey={`o${index}`}
            name={series.name}
            stroke={optionColour(index)}
            strokeDasharray={optionDash(index)}
            strokeWidth={2}
            fill={optionColour(index)}
            fillOpacity={index === 0 ? 0.14 : 0.04}
            dot={{ r: 3, fill: optionColour(index), strokeDasharray: "0" }}
          />
        ))}
      </RadarChart>
    </ResponsiveContainer>
  );
}

export function WeightsChart({ data, height }: { data: WeightsData; height: number }) {
  const rows = data.criteria.map((name, index) => ({ name, group: data.group[index] ?? 0 }));
  const highest = Math.max(0, ...data.group, ...data.members.flat());
  const top = Math.max(10, Math.ceil(highest / 10) * 10);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart layout="vertical" data={rows} margin={{ top: 4, right: 24, bottom: 4, left: 4 }} barCategoryGap="30%" accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke="var(--chart-grid)" strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, top]} unit="%" tick={tick} axisLine={axisLine} tickLine={axisLine} />
        <YAxis type="category" dataKey="name" width={112} tick={tick} tickFormatter={(v) => shorten(v, 30)} axisLine={axisLine} tickLine={false} />
        <Tooltip {...tooltip((value) => (value === null ? "—" : `${value.toFixed(1)}%`))} cursor={{ fill: "var(--chart-cursor)" }} />
        <Bar isAnimationActive={false} dataKey="group" name="Group weight" fill="var(--weight-bar)" />
        <MemberDots data={data} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/**
 * One dot per member and criterion, spread across the bar's height so equal weights stay visible,
 * smaller and fainter the more members there are; then a line at each group weight, on top.
 */
function MemberDots({ data }: { data: WeightsData }) {
  const xScale = useXAxisScale();
  const plot = usePlotArea();
  if (!xScale || !plot || data.criteria.length === 0) return null;
  const band = plot.height / data.criteria.length;
  const count = data.counts ? data.counts[0]!.reduce((a, b) => a + b, 0) : (data.members[0]?.length ?? 0);
  const radius = count <= 20 ? 3.5 : count <= 80 ? 2.75 : 2.25;
  const opacity = count <= 20 ? 0.65 : count <= 80 ? 0.4 : 0.25;
  // With counts, a dot stands for everyone who gave that weight: its area grows with their share.
  const sized = (c: number, m: number) => {
    const given = data.counts?.[c]?.[m];
    return given === undefined ? radius : Math.min(band * 0.3, 2.25 + 6 * Math.sqrt(given / Math.max(1, count)));
  };
  const title = (c: number, m: number, weight: number) => {
    const given = data.counts?.[c]?.[m];
    if (given !== undefined) return `${given} member${given === 1 ? "" : "s"}: ${weight}%`;
    return data.names ? `${data.names[m]}: ${weight}%` : `${weight}%`;
  };
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.scatter}>
      <g>
        {data.members.map((column, c) =>
          column.map((weight, m) => {
            const x = xScale(weight);
            if (x === undefined) return null;
            // A low-discrepancy sequence: neighbours land far apart, the same every render.
            const offset = (((m * 0.6180339887) % 1) - 0.5) * band * 0.5;
            return (
              <circle
                key={`${c}.${m}`}
                cx={x}
                cy={plot.y + band * (c + 0.5) + (data.counts ? 0 : offset)}
                r={sized(c, m)}
                fill="var(--chart-dot)"
                fillOpacity={data.counts ? 0.5 : opacity}
              >
                <title>{title(c, m, weight)}</title>
              </circle>
            );
          }),
        )}
        {data.group.map((weight, c) => {
          const x = xScale(weight);
          if (x === undefined) return null;
          const middle = plot.y + band * (c + 0.5);
          return (
            <line key={c} x1={x} x2={x} y1={middle - band * 0.32} y2={middle + band * 0.32} stroke="var(--weight-edge)" strokeWidth={3} strokeLinecap="round" />
          );
        })}
      </g>
    </ZIndexLayer>
  );
}
