"use client";

import { useRouter } from "next/navigation";
import { createContext, type ReactNode, use, useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/time-zone-cookie";

const ViewerZone = createContext("UTC");

/** The zone the server wrote this page's times in, for the few times written in the browser (a sheet's "Saved at"). */
export function useViewerZone(): string {
  return use(ViewerZone);
}

/**
 * Tells the server the browser's time zone (a cookie) and, the first time it differs from the one
 * the page was written in, asks for the page again so every time on it is in the reader's own zone.
 * A zone chosen on the account page wins, so then nothing is refreshed.
 */
export function TimeZoneSync({ zone, chosen, children }: { zone: string; chosen: boolean; children: ReactNode }) {
  const router = useRouter();
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browserZone) return;
    const cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(browserZone)}`;
    if (document.cookie.split("; ").includes(cookie)) return;
    document.cookie = `${cookie}; path=/; max-age=31536000; samesite=lax`;
    if (!chosen && browserZone !== zone) router.refresh();
  }, [zone, chosen, router]);
  return <ViewerZone value={zone}>{children}</ViewerZone>;
}
