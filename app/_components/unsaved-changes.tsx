"use client";

import { useEffect, useState } from "react";

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
 * Whether a sheet has changes that were not saved: set by `markDirty` on any edit, cleared when a
 * save succeeds. Asks before leaving the page while dirty.
 */
export function useUnsavedChanges(saveState: { ok: boolean }, initiallyDirty = false) {
  const [dirty, setDirty] = useState(initiallyDirty);
  // A new action result is noticed during render, not in an effect, so a successful save clears
  // the mark in the same render instead of a second one.
  const [seenSaveState, setSeenSaveState] = useState(saveState);
  if (saveState !== seenSaveState) {
    setSeenSaveState(saveState);
    if (saveState.ok) setDirty(false);
  }
  useWarnBeforeLeaving(dirty);
  return { dirty, markDirty: () => setDirty(true) };
}

export function SaveStatus({ dirty, savedAt }: { dirty: boolean; savedAt?: string }) {
  return (
    <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
      {dirty ? "You have unsaved changes." : savedAt ? `Saved at ${new Date(savedAt).toLocaleTimeString()}.` : "All changes saved."}
    </p>
  );
}
