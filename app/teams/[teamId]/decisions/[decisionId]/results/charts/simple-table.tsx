"use client";

/**
 * The numbers behind a chart as a plain table. A client component only so that the page carries the
 * figures once, as string arrays, rather than each cell's markup again in the server-component
 * payload; it renders on the server like any other. Cell styles sit on the table.
 */

const table = ["w-full text-sm", "[&_th]:py-1.5 [&_th]:pr-3 [&_th]:text-left [&_th]:font-medium [&_td]:py-1.5 [&_td]:pr-3 [&_td]:tabular-nums"].join(" ");

export function SimpleTable({ caption, head, rows }: { caption: string; head: string[]; rows: { head: string; cells: string[] }[] }) {
  return (
    <table className={table}>
      <caption className="sr-only">{caption}</caption>
      <thead className="text-xs text-slate-500 dark:text-slate-400">
        <tr>
          {head.map((h, i) => (
            <th key={i} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
        {rows.map((row, r) => (
          <tr key={r}>
            <th scope="row">{row.head}</th>
            {row.cells.map((cell, c) => (
              <td key={c}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
