// Small pure helpers shared by every export. Nothing here reads the clock, the locale of the
// machine or the environment, so the same input always gives the same bytes.

/** One collator for every name comparison: fixed locale, so the order does not depend on the server's settings. */
const collator = new Intl.Collator("en", { sensitivity: "variant", numeric: true });

/** Orders by name as people read it, then by id, so two equal names still sort the same way every time. */
export function byNameThenId(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return collator.compare(a.name, b.name) || compareCodeUnits(a.id, b.id);
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Display order of options and criteria: position, then id. */
export function byPosition<T extends { position: number; id: string }>(a: T, b: T): number {
  return a.position - b.position || compareCodeUnits(a.id, b.id);
}

/** YYYY-MM-DD in UTC: the day does not move with the server's time zone. */
export function isoDay(date: Date | string): string {
  const d = typeof date === "string" ? new Date(date) : date;
  return d.toISOString().slice(0, 10);
}

/** CR LF and lone CR become LF; used on every piece of user text before it is written out. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** All runs of whitespace, newlines included, become one space: for text that must stay on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * A file-name-safe slug: accents dropped, lower case, ASCII letters and digits joined by single
 * hyphens, at most `max` characters cut at a hyphen where possible; `fallback` if nothing is left.
 */
export function slugify(text: string, max = 60, fallback = "decision"): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (ascii.length === 0) return fallback;
  if (ascii.length <= max) return ascii;
  const cut = ascii.slice(0, max);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}

/** A fixed number of decimals, with "-0.0" written as "0.0". */
export function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/** A share 0..1 as a percentage with one decimal: 0.4167 → "41.7%". */
export function percent(share: number): string {
  return `${fixed(share * 100, 1)}%`;
}

/** The four-digit number of an architecture decision record: 7 → "0007". */
export function adrNumber(n: number): string {
  return String(n).padStart(4, "0");
}
