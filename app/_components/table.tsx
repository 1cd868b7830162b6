import type { ReactNode } from "react";
import { cx } from "./ui";

/** A column's (header's and cells') class for a column that gives way below 640 px, its content shown another way there. */
export const PHONE_HIDDEN = "hidden sm:table-cell";

export type TableColumn = {
  /** React key, for columns made from data. */
  key?: string;
  label: ReactNode;
  /** Read by screen readers only (an actions column needs a name but no visible heading). */
  visuallyHidden?: boolean;
  className?: string;
};

type TableName =
  | { caption: ReactNode; label?: never; labelledBy?: never }
  | { label: string; caption?: never; labelledBy?: never }
  | { labelledBy: string; caption?: never; label?: never };

/**
 * A data table as the app draws them: an accessible name, column headers with `scope`, rows
 * divided by rules. It sits in a wrapper that scrolls sideways inside its card, so a wide table
 * never widens the page on a phone. Rows (`<tr>`, with `<th scope="row">` where a row has a
 * name) are the children.
 */
export function Table({
  columns,
  gap = "pr-4",
  scrollRegionLabel,
  className,
  children,
  ...name
}: TableName & {
  columns: TableColumn[];
  /** Space after every column but the last. */
  gap?: "pr-3" | "pr-4";
  /**
   * For a table that is often wider than a phone and has nothing focusable inside: the wrapper
   * becomes a named region that takes focus, so it can be scrolled from the keyboard.
   */
  scrollRegionLabel?: string;
  className?: string;
  children: ReactNode;
}) {
  const region = scrollRegionLabel ? ({ tabIndex: 0, role: "region", "aria-label": scrollRegionLabel } as const) : {};
  return (
    // `relative` keeps absolutely placed descendants (screen-reader-only text) inside the
    // scrolling box too; otherwise a hidden "Actions" heading past the edge widens a phone page.
    <div className={cx("scroll-cue relative overflow-x-auto", className)} {...region}>
      <table className="w-full text-left text-sm" aria-label={name.label} aria-labelledby={name.labelledBy}>
        {name.caption ? <caption className="sr-only">{name.caption}</caption> : null}
        <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
          <tr>
            {columns.map((column, i) => (
              <th key={column.key ?? i} scope="col" className={cx(column.className, "py-2", i < columns.length - 1 && gap, "font-medium")}>
                {column.visuallyHidden ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">{children}</tbody>
      </table>
    </div>
  );
}
