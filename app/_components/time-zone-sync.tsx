"use client";

import { useRouter } from "next/navigation";
import { createContext, type ReactNode, use, useEffect } from "react";
import { zoneSeasons } from "@/lib/domain/time-format";
import { TIME_ZONE_COOKIE } from "@/lib/time-zone-cookie";

const ViewerZone = createContext("UTC");

/** The zone the server wrote this page's times in, for the few times written in the browser (a sheet's "Saved at"). */
export function useViewerZone(): string {
  return use(ViewerZone);
}

/** The browser's offsets in the zone seasons the server compares (zoneShape), read without Intl. */
function browserZoneShape(now: Date): string {
  return zoneSeasons(now)
    .map((date) => date.getTimezoneOffset())
    .join(",");
}

/**
 * Tells the server the browser's time zone (a cookie) and, the first time it differs from the one
 * the page was written in, asks for the page again so every time on it is in the reader's own zone.
 * A zone chosen on the account page wins, so then nothing is refreshed. `toldShape`: the shape of
 * the zone the browser told last (its cookie), if it has.
 */
export function TimeZoneSync({ zone, chosen, toldShape, children }: { zone: string; chosen: boolean; toldShape: string | null; children: ReactNode }) {
  const router = useRouter();
  useEffect(() => {
    // Naming the browser's zone takes Intl, whose first use in a page loads its locale data: 50 to
    // 200 ms of main thread on a modest machine, on every full page load. Offsets cost nothing, and
    // while the zone told last has the browser's offsets in winter and summer, every time this year
    // is written alike in both, so there is nothing to tell.
    if (toldShape !== null && toldShape === browserZoneShape(new Date())) return;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browserZone) return;
    const cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(browserZone)}`;
    if (document.cookie.split("; ").includes(cookie)) return;
    document.cookie = `${cookie}; path=/; max-age=31536000; samesite=lax`;
    if (!chosen && browserZone !== zone) router.refresh();
  }, [zone, chosen, toldShape, router]);
  return <ViewerZone value={zone}>{children}</ViewerZone>;
}
