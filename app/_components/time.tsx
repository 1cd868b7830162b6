import { formatMoment } from "@/lib/domain/time-format";
import { viewerTimeZone } from "@/lib/viewer-zone";

/**
 * A moment in the reader's own time zone, 24-hour, with the zone named whenever the time of day is
 * shown. Rendered on the server only, so the markup never differs between server and browser.
 */
export async function Time({ date, withTime = true }: { date: Date; withTime?: boolean }) {
  const { zone } = await viewerTimeZone();
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {formatMoment(date, zone, { show: withTime ? "date-time" : "date", withZone: withTime })}
    </time>
  );
}
