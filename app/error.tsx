"use client";

import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/database-unavailable";
import { DatabaseUnavailableNotice } from "./_components/database-unavailable";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // In production only the digest survives the trip from the server; the database layer sets it.
  if (error.digest === DATABASE_UNAVAILABLE_DIGEST) return <DatabaseUnavailableNotice retry={reset} />;
  return (
    <div role="alert" className="mx-auto max-w-lg text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">We could not load this page. Nothing you saved was lost. Try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-6 rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        Try again
      </button>
    </div>
  );
}
