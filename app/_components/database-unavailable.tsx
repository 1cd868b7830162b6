import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/database-unavailable";

/** What every page shows while the database cannot be reached; used by the layout and the error pages. */
export function DatabaseUnavailableNotice({ retry }: { retry?: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg text-center">
      <h1 className="text-2xl font-semibold">Temporarily unavailable</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">{DATABASE_UNAVAILABLE_MESSAGE}</p>
      {retry ? (
        <button type="button" onClick={retry} className="mt-6 rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Try again
        </button>
      ) : null}
    </div>
  );
}
