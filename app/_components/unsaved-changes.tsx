"use client";

import { useEffect } from "react";

/** Asks before leaving the page while a sheet has changes that were not saved. */
export function useWarnBeforeLeaving(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}

export function SaveStatus({ dirty, savedAt }: { dirty: boolean; savedAt?: string }) {
  return (
    <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
      {dirty ? "You have unsaved changes." : savedAt ? `Saved at ${new Date(savedAt).toLocaleTimeString()}.` : "All changes saved."}
    </p>
  );
}
