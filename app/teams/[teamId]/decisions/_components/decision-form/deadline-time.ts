// The form shows deadlines in local wall-clock time; the server gets that time plus the offset.

const pad = (n: number) => String(n).padStart(2, "0");

const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A datetime-local value written at `fromOffset` (minutes east of UTC) → the instant it means. */
export function instantOf(local: string, fromOffset: number): Date | null {
  if (!LOCAL_DATETIME.test(local)) return null;
  const utc = Date.parse(`${local.slice(0, 16)}:00Z`);
  return Number.isNaN(utc) ? null : new Date(utc - fromOffset * 60_000);
}

/** The instant as this browser's wall-clock time, for a datetime-local input. */
export function toBrowserLocal(instant: Date): string {
  const d = instant;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Minutes east of UTC, as the schema reads them (it subtracts the offset from the wall-clock
 * time): -getTimezoneOffset(), taken at the deadline itself so a date past a daylight-saving
 * change is read in the offset it will have then.
 */
export function browserOffset(local?: string): number {
  const at = local && LOCAL_DATETIME.test(local) ? new Date(local.slice(0, 16)) : new Date();
  return -(Number.isNaN(at.getTime()) ? new Date() : at).getTimezoneOffset();
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
