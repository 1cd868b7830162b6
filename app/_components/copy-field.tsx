"use client";

import { useId, useState, useSyncExternalStore } from "react";
import { buttonClass, cx, inputClass } from "./ui";

const neverChanges = () => () => {};

/**
 * A read-only field holding text to copy. Without JavaScript it is a plain field (focus it, select
 * all, copy); in the browser, focusing selects it all and a button copies it, saying so aloud.
 */
export function CopyField({ label, value, buttonLabel, className }: { label: string; value: string; buttonLabel: string; className?: string }) {
  const id = useId();
  // The button only appears once the page runs in a browser that can copy: before that it would do nothing.
  const canCopy = useSyncExternalStore(
    neverChanges,
    () => typeof navigator.clipboard?.writeText === "function",
    () => false,
  );
  const [status, setStatus] = useState("");
  return (
    <div className={cx("flex flex-wrap items-end gap-2", className)}>
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="mb-1 block text-sm font-medium">
          {label}
        </label>
        <input id={id} readOnly value={value} className={cx(inputClass, "font-mono")} onFocus={(e) => e.currentTarget.select()} />
      </div>
      {canCopy ? (
        <button
          type="button"
          className={buttonClass("secondary")}
          onClick={() => {
            navigator.clipboard.writeText(value).then(
              () => setStatus("Copied"),
              () => setStatus("Could not copy: select the link and copy it yourself."),
            );
          }}
        >
          {buttonLabel}
        </button>
      ) : null}
      {/* Always in the page, so that what it says once the button is used is read out. */}
      <span role="status" className="self-center text-sm text-emerald-800 dark:text-emerald-200">
        {status}
      </span>
    </div>
  );
}
