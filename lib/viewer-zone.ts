import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { currentUser } from "./auth/session";
import { DEFAULT_TIME_ZONE, isTimeZone } from "./domain/time-format";
import { TIME_ZONE_COOKIE } from "./time-zone-cookie";

/**
 * The zone this request's reader reads times in: the one chosen on their account page, else their
 * browser's (from its cookie), else UTC until the browser has said. `told`: the zone the browser
 * last said it is in, if any. Once per request.
 */
export const viewerTimeZone = cache(async (): Promise<{ zone: string; chosen: boolean; told: string | null }> => {
  const fromBrowser = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  const told = isTimeZone(fromBrowser) ? fromBrowser : null;
  // Signed out, or the database down: times still render, in the browser's zone or UTC.
  const user = await currentUser().catch(() => null);
  if (user?.timeZone && isTimeZone(user.timeZone)) return { zone: user.timeZone, chosen: true, told };
  return { zone: told ?? DEFAULT_TIME_ZONE, chosen: false, told };
});
