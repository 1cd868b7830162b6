import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import { describe, expect, test } from "vitest";
import type { ExportSource } from "@/lib/exports/build";
import { buildDecisionJson } from "@/lib/exports/build";
import { formatDecisionJson } from "@/lib/exports/decision-json";
import { formatMadr } from "@/lib/exports/madr";
import { buildRadar, formatRadarCsv } from "@/lib/exports/radar";
import { formatScoresCsv } from "@/lib/exports/scores-csv";
import { oneLine } from "@/lib/exports/text";
import { parseCsv } from "./csv-support";
import { OPTIONS, source, type Variant } from "./fixtures";

// What people may type anywhere, as attacks on the files the exports make: Markdown that would
// become a link, an image, HTML or code in a rendered record, and formulas a spreadsheet would run.
const HOSTILE = [
  "[click me](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(document.cookie) 'title')",
  "<javascript:alert(1)>",
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![](http://x/i.png)",
  "![tracker][ref]\n\n[ref]: http://x/i.png",
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  "<a href='javascript:alert(1)'>a</a>",
  "`code` and ``` fences",
  "```\nfenced\n```",
  "| pipe | in | table |",
  "a|b",
  "line one\nline two\r\nline three",
  "# heading\n> quote\n- item\n1. item",
  "*emphasis* __strong__ ~~struck~~",
  "&lt;encoded&gt; &#106;avascript:",
  "http://autolink.example and www.example.com",
  '=HYPERLINK("http://x","click")',
  "=1+1",
  "+1",
  "-1",
  "@SUM(A1:A2)",
  "\t=tab first",
  "\r=cr first",
  "=cmd|' /C calc'!A0",
];

const [fastify, , own] = OPTIONS;
const HOSTILE_LINKS = ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "JAVASCRIPT:alert(1)", "//evil.example/x", "vbscript:msgbox"];

/** A decided decision where every piece of typed text, and every link, is hostile. */
function hostileSource(text: string, link: string, variant: Variant = { status: "decided" }): ExportSource {
  const src = source(variant);
  src.decision.title = text;
  src.decision.context = text;
  src.options = src.options.map((o) => ({ ...o, name: `${o.name} ${text}`, description: text, link: o.id === fastify!.id ? link : o.link }));
  src.criteria = src.criteria.map((c) => ({ ...c, name: `${c.name} ${text}`, description: text }));
  if (src.values) {
    src.values.people = src.values.people.map((p) => ({ ...p, name: `${p.name} ${text}` }));
    src.values.scores = src.values.scores.map((s) => ({ ...s, comment: text, evidenceUrl: s.evidenceUrl ? link : null }));
  }
  if (src.outcome) {
    // A decided decision exports what was frozen at the decision: make that hostile too.
    type Frozen = {
      decision: { title: string; context: string };
      options: { id: string; name: string; description: string; link: string | null }[];
      criteria: { name: string; description: string }[];
      inputs: { members: { name: string }[]; scores: { comment: string | null; evidenceUrl: string | null }[] };
    };
    const frozen = src.outcome.snapshot as Frozen;
    frozen.decision = { ...frozen.decision, title: text, context: text };
    frozen.options = frozen.options.map((o) => ({ ...o, name: `${o.name} ${text}`, description: text, link: o.id === fastify!.id ? link : o.link }));
    frozen.criteria = frozen.criteria.map((c) => ({ ...c, name: `${c.name} ${text}`, description: text }));
    frozen.inputs.members = frozen.inputs.members.map((m) => ({ ...m, name: `${m.name} ${text}` }));
    frozen.inputs.scores = frozen.inputs.scores.map((sc) => ({ ...sc, comment: text, evidenceUrl: sc.evidenceUrl ? link : null }));
    src.outcome.chosenOptionName = text;
    src.outcome.record = { ...src.outcome.record, context: text, decision: text, consequencesGood: text, consequencesBad: text, justification: text };
  }
  return src;
}

function visit(node: Nodes, seen: Nodes[] = []): Nodes[] {
  seen.push(node);
  if ("children" in node) for (const child of node.children) visit(child, seen);
  return seen;
}

function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown.slice(markdown.indexOf("\n---\n") + 5), { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

const LINK_VARIANTS: [string, Variant][] = [
  ["decided", { status: "decided" }],
  ["revealed", { status: "revealed" }],
  ["decided, anonymous", { status: "decided", anonymous: true }],
];

describe("MADR: typed text stays text", () => {
  test.each(HOSTILE)("%j makes no link, image, HTML or code, and reads back as typed", (hostile) => {
    for (const [, variant] of LINK_VARIANTS) {
      const markdown = formatMadr(buildDecisionJson(hostileSource(hostile, "javascript:alert(1)", variant)));
      const nodes = visit(parseMarkdown(markdown));
      const kinds = new Set(nodes.map((n) => n.type));
      for (const forbidden of [
        "image",
        "imageReference",
        "linkReference",
        "definition",
        "html",
        "code",
        "inlineCode",
        "emphasis",
        "strong",
        "delete",
        "blockquote",
        "thematicBreak",
      ]) {
        expect(kinds.has(forbidden as Nodes["type"]), `${forbidden} in ${JSON.stringify(hostile)}`).toBe(false);
      }
      // The only links: the superseding record's file (not in these variants) and http(s) addresses.
      for (const link of nodes.filter((n) => n.type === "link")) expect(link.url).toMatch(/^https?:\/\//);
      // The title heading reads back exactly as typed, whitespace folded to single spaces.
      const title = nodes.find((n) => n.type === "heading" && n.depth === 1)!;
      expect(
        visit(title)
          .filter((n) => n.type === "text")
          .map((n) => n.value)
          .join(""),
      ).toBe(oneLine(hostile));
      // Section headings are the MADR ones only: typed text adds none.
      expect(nodes.filter((n) => n.type === "heading" && n.depth === 2)).toHaveLength(6);
    }
  });

  test.each(HOSTILE_LINKS)("a link field of %j is shown as text, never linked", (link) => {
    const markdown = formatMadr(buildDecisionJson(hostileSource("plain", link)));
    const links = visit(parseMarkdown(markdown)).filter((n) => n.type === "link");
    expect(links.map((l) => l.url)).toEqual([]);
  });

  test("validated http(s) links are the only links, normalised", () => {
    const markdown = formatMadr(buildDecisionJson(hostileSource("plain", "https://bench.example.com/a b?x=<1>")));
    const urls = visit(parseMarkdown(markdown)).flatMap((n) => (n.type === "link" ? [n.url] : []));
    expect(new Set(urls)).toEqual(new Set(["https://bench.example.com/a%20b?x=%3C1%3E"]));
  });
});

describe("JSON: the typed text, unchanged", () => {
  test.each(HOSTILE)("%j comes back exactly", (hostile) => {
    const json = JSON.parse(formatDecisionJson(buildDecisionJson(hostileSource(hostile, "javascript:alert(1)"))));
    expect(json.decision.title).toBe(hostile);
    expect(json.options.find((o: { id: string }) => o.id === own!.id).description).toBe(hostile);
    expect(json.options.find((o: { id: string }) => o.id === fastify!.id).link).toBe("javascript:alert(1)");
    expect(json.rounds[0].scores.every((s: { comment: string }) => s.comment === hostile)).toBe(true);
  });
});

const FORMULA_START = /^[=+\-@\t\r]/;

describe("CSV: no cell a spreadsheet would run", () => {
  test.each(HOSTILE)("scores CSV, named and anonymous: %j", (hostile) => {
    for (const anonymous of [false, true]) {
      const rows = parseCsv(formatScoresCsv(buildDecisionJson(hostileSource(hostile, "javascript:alert(1)", { status: "decided", anonymous }))));
      const cells = rows.slice(1).flat();
      for (const cell of cells) expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA_START);
      // Typed text is kept, behind an apostrophe where it needed one.
      if (!anonymous) {
        const comments = new Set(
          rows
            .slice(1)
            .map((r) => r[rows[0]!.indexOf("comment")]!)
            .filter((c) => c !== ""),
        );
        expect([...comments].map((c) => c.replace(/^'(?=[=+\-@\t\n])/, ""))).toEqual([hostile.replace(/\r\n?/g, "\n")]);
      }
    }
  });

  test.each(HOSTILE)("tech-radar CSV: an option named %j", (hostile) => {
    const radar = buildRadar([
      {
        id: "00000000-0000-4000-8000-000000000101",
        number: 1,
        title: hostile,
        chosenOptionName: hostile,
        decision: hostile,
        decidedAt: new Date("2025-03-01T12:00:00Z"),
        deprecatedAt: null,
        supersededBy: null,
      },
    ]);
    const [header, ...rows] = parseCsv(formatRadarCsv(radar));
    expect(rows).toHaveLength(1);
    for (const cell of rows[0]!) expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA_START);
    const name = rows[0]![header!.indexOf("name")]!;
    expect(name.replace(/^'/, "")).toBe(oneLine(hostile));
  });
});
