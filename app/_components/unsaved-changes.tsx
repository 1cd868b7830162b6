"use client";

import { useEffect } from "react";
import { formatMoment } from "@/lib/domain/time-format";
import { useViewerZone } from "./time-zone-sync";

/** Asks before leaving the page while a sheet has changes that were not saved. */
export function useWarnBeforeLeaving(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}

/**
 * Where the sheet stands: not sent yet, changed since it was sent, or saved (when, in the reader's
 * zone and 24-hour clock like every other time in Verdict).
 */
export function SaveStatus({ dirty, savedAt, submitted }: { dirty: boolean; savedAt?: string; submitted: boolean }) {
  const zone = useViewerZone();
  return (
    <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
      {dirty
        ? "You have unsaved changes."
        : savedAt
          ? `Saved at ${formatMoment(new Date(savedAt), zone, { show: "clock" })}.`
          : submitted
            ? "Submitted: you can change it until this phase closes."
            : "Not submitted yet: nothing counts until you save."}
    </p>
  );
}
