import { normaliseNewlines } from "./text";

// CSV as RFC 4180 describes it: a header row, fields separated by commas, a field quoted when it
// holds a comma, a double quote or a line break, and a double quote inside one written twice.
// Every text field is also made spreadsheet-safe here, so no CSV export can forget to.
// Records end with LF rather than CRLF, like every other export, so the bytes do not depend on the
// platform; every CSV reader we aim at (spreadsheets, d3-dsv as used by Build Your Own Radar,
// Python's csv module) reads both.

export type CsvValue = string | number | boolean | null;

export function csvField(value: CsvValue): string {
  if (value === null) return "";
  const text = typeof value === "string" ? normaliseNewlines(spreadsheetSafe(value)) : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(",");
}

/** Header and records, each line ending in LF, the file ending in one. */
export function formatCsv(header: readonly string[], records: readonly (readonly CsvValue[])[]): string {
  return [header, ...records].map((r) => `${csvRecord(r)}\n`).join("");
}

/**
 * Text that a spreadsheet would run as a formula ("=…", "+…", "-…", "@…", or a leading tab or CR)
 * gets a leading apostrophe, so opening a downloaded file cannot run what someone typed into a
 * name or a comment. Numbers are written as numbers and never pass through here.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
