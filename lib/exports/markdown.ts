import { normaliseNewlines, oneLine } from "./text";

// Turning plain text that people typed into markdown that shows exactly that text. The app shows
// these fields as plain text, so anything markdown would read as structure (a heading, a list, a
// quote, a code fence, raw HTML) is escaped; ordinary punctuation is left alone so the committed
// file stays readable as it is.

/** Escapes a marker at the start of a line that would open a block. */
export function escapeLineStart(line: string): string {
  if (/^#{1,6}(\s|$)/.test(line)) return `\\${line}`;
  if (/^>/.test(line)) return `\\${line}`;
  if (/^([-*_])(\s*\1){2,}\s*$/.test(line)) return `\\${line}`; // thematic break
  if (/^=+\s*$/.test(line)) return `\\${line}`; // setext underline
  if (/^[-+*](\s|$)/.test(line)) return `\\${line}`;
  if (/^\d{1,9}[.)](\s|$)/.test(line)) return line.replace(/^(\d{1,9})([.)])/, "$1\\$2");
  if (/^(`{3,}|~{3,})/.test(line)) return `\\${line}`;
  return line;
}

/** Raw HTML (a tag, a comment, a declaration) would be rendered or swallow text: escape its "<". */
export function escapeHtml(text: string): string {
  return text.replace(/<(?=[A-Za-z/!?])/g, "\\<");
}

/** One line of user text for a heading, a list item or a sentence: whitespace collapsed, escaped. */
export function inline(text: string): string {
  return escapeLineStart(escapeHtml(oneLine(text)));
}

/** Same, for a table cell: also escapes the column separator. */
export function cell(text: string): string {
  return inline(text).replace(/\|/g, "\\|");
}

/**
 * Paragraphs of user text: LF line endings, each line trimmed (leading spaces would make code,
 * trailing ones hard breaks), structure markers escaped, runs of blank lines collapsed to one.
 */
export function block(text: string): string {
  const lines = normaliseNewlines(text)
    .split("\n")
    .map((line) => escapeLineStart(escapeHtml(line.trim())));
  const out: string[] = [];
  for (const line of lines) {
    if (line === "" && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out.join("\n");
}

/**
 * Each non-blank line of a text as its own item, with any list marker the writer typed removed:
 * "- Faster delivery\n* Shared types" → ["Faster delivery", "Shared types"].
 */
export function items(text: string): string[] {
  return normaliseNewlines(text)
    .split("\n")
    .map((line) => line.trim().replace(/^([-+*•]|\d{1,9}[.)])\s+/, "").trim())
    .filter((line) => line.length > 0);
}

/** A web address as an autolink, with the characters that would end one percent-encoded. */
export function autolink(url: string): string {
  return `<${url.trim().replace(/[<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)}>`;
}

/**
 * A YAML double-quoted scalar. JSON's string syntax is valid YAML 1.2; the characters YAML does
 * not allow unescaped (DEL, C1 controls) are escaped as well, so any value parses back as itself.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u0084\u0086-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
