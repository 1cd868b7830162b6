import type { Heading, Link, List, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, Text } from "mdast";
import { gfmTableToMarkdown } from "mdast-util-gfm-table";
import { toMarkdown } from "mdast-util-to-markdown";
import { normaliseNewlines, oneLine } from "./text";

// Markdown is built as a syntax tree and serialised by mdast-util-to-markdown, never by joining
// strings: everything people typed goes in as text nodes, which the serialiser escapes wherever
// Markdown would read it as structure (a heading, a list, a link or image, an HTML tag, code,
// emphasis, a table pipe). The only links in a file are the ones built here from validated
// http(s) addresses and the app's own file names.

export type Phrasing = PhrasingContent;

export const text = (value: string): Text => ({ type: "text", value });

/** One line of user text: whitespace runs, newlines included, collapsed to one space. */
export const line = (value: string): Text => text(oneLine(value));

export const heading = (depth: 1 | 2 | 3, ...children: Phrasing[]): Heading => ({ type: "heading", depth, children });

export const paragraph = (...children: Phrasing[]): Paragraph => ({ type: "paragraph", children });

/** A tight bullet list, one paragraph per item. */
export function bulletList(items: Phrasing[][]): List {
  return {
    type: "list",
    ordered: false,
    spread: false,
    children: items.map((children) => ({ type: "listItem", spread: false, children: [paragraph(...children)] })),
  };
}

export function table(align: Table["align"], header: string[], rows: Phrasing[][][]): Table {
  const cell = (children: Phrasing[]): TableCell => ({ type: "tableCell", children });
  return {
    type: "table",
    align,
    children: [header.map((h) => [text(h)]), ...rows].map((cells) => ({ type: "tableRow", children: cells.map(cell) })),
  };
}

/** The address if it is an absolute http(s) URL, normalised; anything else (javascript:, data:, relative) is null. */
export function webAddress(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
}

/** A validated web address as a link showing itself; anything that is not http(s) stays plain text. */
export function webLink(url: string): Phrasing {
  const href = webAddress(url);
  return href ? { type: "link", url: href, children: [text(href)] } : line(url);
}

/** A link to another record in the same folder: the target is one of the app's own slugged file names. */
export function fileLink(fileName: string, ...children: Phrasing[]): Link {
  if (!/^[a-z0-9-]+\.md$/.test(fileName)) throw new Error(`Not a record file name: ${fileName}`);
  return { type: "link", url: fileName, children };
}

/**
 * Paragraphs of user text: LF line endings, each line trimmed (leading spaces would make code,
 * trailing ones hard breaks), blank lines separating paragraphs. Empty text gives no paragraph.
 */
export function paragraphs(value: string): Paragraph[] {
  const lines = normaliseNewlines(value)
    .split("\n")
    .map((l) => l.trim());
  const groups: string[][] = [[]];
  for (const l of lines) {
    if (l === "") groups.push([]);
    else groups[groups.length - 1]!.push(l);
  }
  return groups.filter((g) => g.length > 0).map((g) => paragraph(text(g.join("\n"))));
}

/**
 * Each non-blank line of a text as its own item, with any list marker the writer typed removed:
 * "- Faster delivery\n* Shared types" → ["Faster delivery", "Shared types"].
 */
export function items(value: string): string[] {
  return normaliseNewlines(value)
    .split("\n")
    .map((l) =>
      l
        .trim()
        .replace(/^([-+*•]|\d{1,9}[.)])\s+/, "")
        .trim(),
    )
    .filter((l) => l.length > 0);
}

/** The tree as Markdown (CommonMark with GFM tables): LF line endings, one trailing newline. */
export function serialise(children: RootContent[]): string {
  const root: Root = { type: "root", children };
  return toMarkdown(root, {
    bullet: "*",
    listItemIndent: "one",
    emphasis: "_",
    strong: "*",
    fences: true,
    rule: "-",
    resourceLink: false,
    extensions: [gfmTableToMarkdown({ tablePipeAlign: false })],
  });
}

/**
 * A YAML double-quoted scalar. JSON's string syntax is valid YAML 1.2; the characters YAML does
 * not allow unescaped (DEL, C1 controls) are escaped as well, so any value parses back as itself.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u0084\u0086-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
