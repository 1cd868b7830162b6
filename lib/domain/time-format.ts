// One way to write a moment everywhere in Verdict: day month year and a 24-hour clock, in the
// reader's own time zone, with the zone named where a reader acts on it (deadlines). Pure: the zone
// comes in as an argument (the browser's, or the one chosen on the account page).

export const DEFAULT_TIME_ZONE = "UTC";

const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat("en-GB", { ...options, timeZone: zone });
    formats.set(key, found);
  }
  return found;
}

// Asked on every request (the reader's zone); building a formatter to find out is the slow part.
// Only zones that exist are kept, and no more than a bounded number (the runtime also accepts the
// same zone in any letter case, which a hostile cookie could vary without end).
const knownZones = new Set<string>();
const MAX_KNOWN_ZONES = 1_000;

/** Whether `zone` is an IANA time zone this runtime knows ("Europe/Paris", "UTC"). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
  } catch {
    return false;
  }
  if (knownZones.size < MAX_KNOWN_ZONES) knownZones.add(zone);
  return true;
}

/** The zone's short name at that moment: "CET", "GMT+5:30", "UTC". */
export function zoneName(date: Date, zone: string): string {
  return (
    format(zone, { timeZoneName: "short" })
      .formatToParts(date)
      .find((p) => p.type === "timeZoneName")?.value ?? zone
  );
}

/** "30 Nov 2026, 14:05", "30 Nov 2026" without the time, "14:05:09" for the clock alone, or "14:05" for the time of day; `withZone` adds the zone's name. */
export function formatMoment(date: Date, zone: string, options: { show?: "date-time" | "date" | "clock" | "time"; withZone?: boolean } = {}): string {
  const show = options.show ?? "date-time";
  const text =
    show === "date"
      ? format(zone, { dateStyle: "medium" }).format(date)
      : show === "clock"
        ? format(zone, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(date)
        : show === "time"
          ? format(zone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date)
          : format(zone, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
  return options.withZone ? `${text} ${zoneName(date, zone)}` : text;
}

/**
 * Minutes `zone` is behind UTC at `date`, counted as Date#getTimezoneOffset counts them: -60 for
 * Paris in winter, -330 for Kolkata, 210 for St John's in winter.
 */
export function zoneOffset(date: Date, zone: string): number {
  const name =
    format(zone, { timeZoneName: "longOffset" })
      .formatToParts(date)
      .find((p) => p.type === "timeZoneName")?.value ?? "";
  const match = /^GMT([+-])(\d{1,2}):?(\d{2})?$/.exec(name);
  if (!match) return 0; // "GMT": UTC itself
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return (match[1] === "+" ? -minutes : minutes) || 0; // never -0
}

/** The first of January and of July of `now`'s year (UTC): a zone's winter and summer. */
export function zoneSeasons(now: Date): [Date, Date] {
  const year = now.getUTCFullYear();
  return [new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year, 6, 1))];
}

/**
 * A zone's offsets in winter and in summer ("-60,-120" for Paris): two zones with the same shape
 * write this year's times alike. The browser's own is read without Intl (see TimeZoneSync).
 */
export function zoneShape(zone: string, now: Date): string {
  return zoneSeasons(now)
    .map((date) => zoneOffset(date, zone))
    .join(",");
}
