"use client";

/**
 * The charts' client entry: Recharts loads only in the browser, after the page, in one chunk shared
 * by the three charts. The server sets each chart box's final height, and the placeholder fills it
 * until the drawing arrives, so nothing shifts.
 */
import dynamic from "next/dynamic";

function Placeholder() {
  return (
    <div className="flex h-full items-center justify-center rounded-lg bg-slate-100/70 text-xs text-slate-600 dark:bg-slate-800/50 dark:text-slate-300">
      Loading chart…
    </div>
  );
}

// next/dynamic wants its options written out at each call.
export const LazyRankingChart = dynamic(() => import("./recharts-charts").then((m) => m.RankingChart), {
  ssr: false,
  loading: Placeholder,
});
export const LazyProfileChart = dynamic(() => import("./recharts-charts").then((m) => m.ProfileChart), {
  ssr: false,
  loading: Placeholder,
});
export const LazyWeightsChart = dynamic(() => import("./recharts-charts").then((m) => m.WeightsChart), {
  ssr: false,
  loading: Placeholder,
});
