"use client";

import { useState, useSyncExternalStore } from "react";
import { browserOffset, instantOf, toBrowserLocal } from "./deadline-time";
import type { Deadline } from "./form-parts";

// The page never sees the zone change, so there is nothing to subscribe to.
const subscribeToNothing = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
// The server has no browser zone, and hydration must match what it rendered: null then.
const noZone = () => null;

/**
 * The two deadlines as the form shows them. The server, hydration and a browser without JavaScript
 * show the starting values as written (UTC, or the offset a form posted without JavaScript had);
 * once hydrated, React renders again with the browser's zone and they read in its local time.
 * A deadline the person edits is kept as typed.
 */
export function useDeadlines(start: { weightingDeadline: string; scoringDeadline: string; offset: number }) {
  const zoneName: string | null = useSyncExternalStore(subscribeToNothing, browserZone, noZone);
  const [weightingEdit, setWeighting] = useState<string | null>(null);
  const [scoringEdit, setScoring] = useState<string | null>(null);

  const shown = (value: string) => {
    if (zoneName === null) return value;
    const instant = instantOf(value, start.offset);
    return instant ? toBrowserLocal(instant) : value;
  };
  const weighting: Deadline = { value: weightingEdit ?? shown(start.weightingDeadline), onChange: setWeighting };
  const scoring: Deadline = { value: scoringEdit ?? shown(start.scoringDeadline), onChange: setScoring };
  // The hidden timezoneOffset field: what the server subtracts from the times it is sent.
  const offset = zoneName === null ? start.offset : browserOffset(weighting.value || scoring.value);
  return { zoneName, offset, weighting, scoring };
}
