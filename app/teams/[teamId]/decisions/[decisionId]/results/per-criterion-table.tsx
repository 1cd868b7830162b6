"use client";

/**
 * The per-criterion grid, options × criteria cells. A client component only so that the page carries
 * its figures once, as compact arrays, rather than every cell's markup a second time in the
 * server-component payload; it renders on the server like any other. Styles sit on the table, so
 * each cell is its text and, where the team disagrees, one attribute.
 */

/** One cell: mean and spread already formatted; null where nobody scored. */
export type CriterionCell = [mean: string, n: number, sd: string | null, wide: 0 | 1] | null;

export type PerCriterionData = {
  options: string[];
  /** Per criterion: its name, its group weight formatted, and a cell per option. */
  rows: { name: string; weight: string; cells: CriterionCell[] }[];
};

const table = [
  "w-full text-left text-sm",
  "[&_th]:py-2 [&_th]:pr-3 [&_th]:font-medium [&_td]:py-2 [&_td]:pr-3 [&_td]:tabular-nums",
  "[&_td[data-wide]]:bg-amber-50 dark:[&_td[data-wide]]:bg-amber-950/40",
  "[&_small]:text-xs [&_small]:text-slate-500 dark:[&_small]:text-slate-400 [&_i]:not-italic [&_i]:text-slate-500 dark:[&_i]:text-slate-400",
].join(" ");

export function PerCriterionTable({ data }: { data: PerCriterionData }) {
  return (
    <div className="scroll-cue relative overflow-x-auto" tabIndex={0} role="region" aria-label="Per-criterion table, scrolls sideways">
      <table className={table} aria-labelledby="breakdown-heading">
        <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Group weight</th>
            {data.options.map((name, o) => (
              <th key={o} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {data.rows.map((row, c) => (
            <tr key={c}>
              <th scope="row">{row.name}</th>
              <td>{row.weight}</td>
              {row.cells.map((cell, o) =>
                cell === null ? (
                  <td key={o}>
                    <i>no scores</i>
                  </td>
                ) : (
                  <td key={o} data-wide={cell[3] ? "" : undefined}>
                    {`${cell[0]} `}
                    <small>{`n=${cell[1]}${cell[2] === null ? "" : ` ±${cell[2]}`}`}</small>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
