"use client";

/**
 * The sensitivity section's two lists of figures. A client component only so that the page carries
 * them once, as plain strings, rather than their markup a second time in the server-component
 * payload; it renders on the server like any other.
 */

export type ShareRow = { name: string; share: string };
export type RangeRow = { criterion: string; now: string; range: string; takeover: string };

const bar = "h-2 flex-1 rounded bg-slate-100 dark:bg-slate-800";
const rangeTable = [
  "w-full text-left text-sm",
  "[&_th]:py-2 [&_th]:pr-3 [&_th]:font-medium [&_td]:py-2 [&_td]:pr-3 [&_td]:tabular-nums [&_td:last-child]:text-slate-600 dark:[&_td:last-child]:text-slate-400",
].join(" ");

export function ShareList({ rows }: { rows: ShareRow[] }) {
  return (
    <ul className="space-y-1 text-sm [&_li]:flex [&_li]:items-center [&_li]:gap-2" aria-label="Share of random weightings each option wins">
      {rows.map((row, i) => (
        <li key={i}>
          <span className="w-32 truncate">{row.name}</span>
          <span className={bar} aria-hidden="true">
            <span className="block h-2 rounded bg-brand-500" style={{ width: row.share }} />
          </span>
          <span className="w-12 text-right tabular-nums">{row.share}</span>
        </li>
      ))}
    </ul>
  );
}

export function RangeTable({ rows }: { rows: RangeRow[] }) {
  return (
    <div className="scroll-cue relative overflow-x-auto">
      <table className={rangeTable} aria-labelledby="sensitivity-range-heading">
        <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Now</th>
            <th scope="col">Holds from–to</th>
            <th scope="col">Then leads</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map((row, i) => (
            <tr key={i}>
              <th scope="row">{row.criterion}</th>
              <td>{row.now}</td>
              <td>{row.range}</td>
              <td>{row.takeover}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
