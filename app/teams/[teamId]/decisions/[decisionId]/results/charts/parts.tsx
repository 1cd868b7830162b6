/** Small server-rendered pieces the charts share: number formats, the tables and the legends. */
import type { ReactNode } from "react";

export const muted = "text-sm text-slate-600 dark:text-slate-400";
export const fixed = (value: number | null | undefined, digits: number) => (value == null ? "—" : value.toFixed(digits));

export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The numbers behind a chart, closed by default, there without JavaScript. */
export function Numbers({ children }: { children: ReactNode }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-brand-600 hover:underline dark:text-brand-100">Show the numbers</summary>
      <div className="scroll-cue mt-2 overflow-x-auto" tabIndex={0}>
        {children}
      </div>
    </details>
  );
}

export const legendClass = "mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300";
