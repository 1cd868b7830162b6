"use client";

import { useEffect } from "react";

/**
 * Takes the query flags that announced a one-time notice ("you withdrew your scores") out of the
 * address once the page has shown it, so reloading or bookmarking the page does not announce it
 * again. Without JavaScript the flag stays, and the notice with it.
 */
export function ForgetNoticeFlags({ names }: { names: readonly string[] }) {
  const key = names.join(",");
  useEffect(() => {
    const url = new URL(window.location.href);
    let changed = false;
    for (const name of key.split(",")) {
      if (url.searchParams.has(name)) {
        url.searchParams.delete(name);
        changed = true;
      }
    }
    if (changed) window.history.replaceState(window.history.state, "", url);
  }, [key]);
  return null;
}
