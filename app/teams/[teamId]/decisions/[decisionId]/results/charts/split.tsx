"use client";

/**
 * "Where the team splits" as a heatmap that is a real table: colour for the eye, numbers and headers
 * for everyone. Server-rendered like any component (it works without JavaScript); it is a client
 * component only so that the page carries its compact figures rather than 2,000 table cells twice
 * for a team of 200. Open decisions get person × option totals; anonymous ones only option ×
 * criterion spreads, never anything per person.
 */
import type { ReactNode } from "react";
import { fixed, legendClass, muted } from "./parts";
import { membersSummary } from "./summaries";
import type { SplitData } from "./types";

type Members = Extract<SplitData, { kind: "members" }>;
type Camps = Extract<SplitData, { kind: "camps" }>;
type Spread = Extract<SplitData, { kind: "spread" }>;

const TOTAL_STEPS = ["0–19", "20–39", "40–59", "60–79", "80–100"];
const SPREAD_STEPS = ["under ±0.5", "±0.5–1", "±1–1.5", "±1.5 or more"];
const totalStep = (total: number) => Math.min(TOTAL_STEPS.length - 1, Math.floor(total / 20));
const spreadStep = (sd: number) => Math.min(SPREAD_STEPS.length - 1, Math.floor(sd / 0.5));

export function SplitHeatmap({ data }: { data: SplitData }) {
  if (data.kind === "members") return <MemberTotals data={data} />;
  return data.kind === "camps" ? <CampTotals data={data} /> : <Spreads data={data} />;
}

function Scale({ steps, attribute, extra }: { steps: string[]; attribute: "data-b" | "data-s"; extra?: string }) {
  return (
    <ul className={legendClass} aria-label="Colour scale">
      {steps.map((label, i) => (
        <li key={label} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm ring-1 ring-slate-300 dark:ring-slate-600" {...{ [attribute]: i }} />
          {label}
        </li>
      ))}
      {extra ? <li className="font-semibold">{extra}</li> : null}
    </ul>
  );
}

function MemberTotals({ data }: { data: Members }) {
  if (data.rows.length === 0) return <p className={`mt-1 ${muted}`}>Nobody has a score of their own for any option yet.</p>;
  return (
    <>
      <p className={`mt-1 ${muted}`}>
        Each person’s own score for each option, on 0–100 with the group’s weights. Rows are grouped by each person’s own first choice (in bold), so camps show
        as blocks.
      </p>
      <p className="mt-2 text-sm">{membersSummary(data)}</p>
      <Scale steps={TOTAL_STEPS} attribute="data-b" extra="Bold: own first choice" />
      <HeatTable caption="Each person’s own score (0–100) per option, grouped by own first choice" corner="Person" columns={data.options}>
        {data.rows.map((row, r) => (
          <tr key={r}>
            <th scope="row">{row.name}</th>
            <TotalCells totals={row.totals} firstChoice={row.firstChoice} />
          </tr>
        ))}
      </HeatTable>
    </>
  );
}

function CampTotals({ data }: { data: Camps }) {
  return (
    <>
      <p className={`mt-1 ${muted}`}>
        Each person’s own score for each option, on 0–100 with the group’s weights, averaged over the people who share an own first choice: {data.people} people
        are too many for a row each, and each person’s own figures are in the list of people below.
      </p>
      <p className="mt-2 text-sm">{data.summary}</p>
      <Scale steps={TOTAL_STEPS} attribute="data-b" extra="Bold: the camp’s own first choice" />
      <HeatTable caption="Mean own score (0–100) per option of the people with each own first choice" corner="Own first choice" columns={data.options}>
        {data.rows.map((row) => (
          <tr key={row.firstChoice ?? "none"}>
            <th scope="row">
              {row.firstChoice === null ? "None" : data.options[row.firstChoice]} ({row.count} {row.count === 1 ? "person" : "people"})
            </th>
            <TotalCells totals={row.totals} firstChoice={row.firstChoice} />
          </tr>
        ))}
      </HeatTable>
    </>
  );
}

/** A row's 0–100 totals, shaded by step, its first choice marked (bold). */
function TotalCells({ totals, firstChoice }: { totals: (number | null)[]; firstChoice: number | null }) {
  return totals.map((total, o) =>
    total === null ? (
      <td key={o}>—</td>
    ) : (
      <td key={o} data-b={totalStep(total)} data-first={o === firstChoice ? "" : undefined}>
        {total}
      </td>
    ),
  );
}

function spreadSummary({ options, criteria, sd }: Spread): string {
  let widest: { c: number; o: number; value: number } | null = null;
  let wide = 0;
  let cells = 0;
  for (const [c, row] of sd.entries()) {
    for (const [o, value] of row.entries()) {
      if (value === null) continue;
      cells++;
      if (value >= 1) wide++;
      if (widest === null || value > widest.value) widest = { c, o, value };
    }
  }
  if (widest === null) return "Spreads need at least two scores for the same option on the same criterion; there are none yet.";
  return `The widest split is ${options[widest.o]} on ${criteria[widest.c]} (±${fixed(widest.value, 2)}); ${wide} of ${cells} cells are at ±1 or more.`;
}

function Spreads({ data }: { data: Spread }) {
  return (
    <>
      <p className={`mt-1 ${muted}`}>
        This decision is anonymous, so nothing here is per person: each cell is how far apart the scores for one option on one criterion are (standard deviation
        on 1–5). The stronger the colour, the more the team is split.
      </p>
      <p className="mt-2 text-sm">{spreadSummary(data)}</p>
      <Scale steps={SPREAD_STEPS} attribute="data-s" />
      <HeatTable caption="Spread of scores (standard deviation on 1–5) per criterion and option" corner="Criterion" columns={data.options}>
        {data.criteria.map((name, c) => (
          <tr key={c}>
            <th scope="row">{name}</th>
            {data.sd[c]!.map((value, o) =>
              value === null ? (
                <td key={o}>—</td>
              ) : (
                <td key={o} data-s={spreadStep(value)}>
                  ±{value.toFixed(2)}
                </td>
              ),
            )}
          </tr>
        ))}
      </HeatTable>
    </>
  );
}

/** The scrollable frame both heatmaps share: keyboard-reachable, header row and first column sticky. */
function HeatTable({ caption, corner, columns, children }: { caption: string; corner: string; columns: string[]; children: ReactNode }) {
  return (
    <div role="region" aria-labelledby="chart-split-title" tabIndex={0} className="mt-3 max-h-[28rem] overflow-auto">
      <table className="results-heat text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs text-slate-500 dark:text-slate-400">
          <tr>
            <th scope="col">{corner}</th>
            {columns.map((name, o) => (
              <th key={o} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
