"use client";

/**
 * The weighted ranking's rows. A client component only so that the page carries each row's figures
 * once, compactly, rather than its markup a second time in the server-component payload; it renders
 * on the server like any other. Cell styles sit on the table.
 */

import { PHONE_HIDDEN } from "@/app/_components/table";

export type RankingRow = { name: string; rank: number | null; tie: boolean; score: string; width: number; coverage: string; spread: string };

const table = [
  "w-full text-left text-sm",
  // Narrower gaps on a phone: five columns, the rank kept with the first word of the name, in 278 px at 360.
  "[&_th]:py-2 [&_th]:pr-2 sm:[&_th]:pr-3 [&_th]:font-medium [&_td]:py-2 [&_td]:pr-2 sm:[&_td]:pr-3 [&_td]:tabular-nums [&_td:nth-child(2)]:font-medium",
].join(" ");

export function RankingTable({ rows }: { rows: RankingRow[] }) {
  return (
    <div className="scroll-cue relative overflow-x-auto">
      <table className={table} aria-labelledby="ranking-heading">
        <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
          <tr>
            <th scope="col" className={PHONE_HIDDEN}>
              Rank
            </th>
            <th scope="col">Option</th>
            <th scope="col" className="w-1/3">
              Score (0–100)
            </th>
            <th scope="col">Coverage</th>
            <th scope="col">Spread</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map((row, i) => (
            <tr key={i}>
              <td className={PHONE_HIDDEN}>
                {row.rank ?? "—"}
                <Tie tie={row.tie} />
              </td>
              <td>
                {/* On a phone the rank column gives way, or the spread sits past the card's edge: the rank leads the name. */}
                <span className="sm:hidden">
                  {row.rank ?? "—"}
                  <Tie tie={row.tie} />.{"\u00a0"}
                </span>
                {row.name}
              </td>
              <td>
                <div className="flex items-center gap-2">
                  <div className="hidden h-2 flex-1 rounded bg-slate-100 sm:block dark:bg-slate-800" aria-hidden="true">
                    <div className="h-2 rounded bg-brand-500" style={{ width: `${row.width}%` }} />
                  </div>
                  <span className="w-12 text-right">{row.score}</span>
                </div>
              </td>
              <td>{row.coverage}</td>
              <td>{row.spread}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Tie({ tie }: { tie: boolean }) {
  return tie ? <span className="ml-1 text-xs text-amber-700 dark:text-amber-300">(tie)</span> : null;
}
