import { describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { buildDecisionJson } from "@/lib/exports/build";
import type { DecisionJson } from "@/lib/exports/decision-json";
import { decisionMakers, formatMadr, madrFilename } from "@/lib/exports/madr";
import { line, paragraph, paragraphs, serialise, yamlString } from "@/lib/exports/markdown";
import { ALL_NAMES, PEOPLE, source, type Variant } from "./fixtures";

const MADR_SECTIONS = [
  "Context and Problem Statement",
  "Decision Drivers",
  "Considered Options",
  "Decision Outcome",
  "Pros and Cons of the Options",
  "More Information",
];

/**
 * Splits a MADR file into its front matter and body, and reads the body's block structure the way
 * a CommonMark parser would for what matters here: ATX headings outside code fences, fences
 * balanced, no raw HTML block.
 */
function parseMadr(text: string) {
  expect(text.startsWith("---\n")).toBe(true);
  const end = text.indexOf("\n---\n", 4);
  expect(end).toBeGreaterThan(0);
  const frontMatter = parseYaml(text.slice(4, end + 1), { strict: true, uniqueKeys: true }) as Record<string, unknown>;
  const body = text.slice(end + 5);
  const headings: { level: number; text: string }[] = [];
  let fenced = false;
  for (const line of body.split("\n")) {
    if (/^ {0,3}(`{3,}|~{3,})/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) headings.push({ level: heading[1]!.length, text: heading[2]! });
    expect(line, "no raw HTML block").not.toMatch(/^ {0,3}<[A-Za-z/!?]/);
  }
  expect(fenced, "code fences are balanced").toBe(false);
  return { frontMatter, body, headings };
}

const VARIANTS: [string, Variant][] = [
  ["draft", { status: "draft" }],
  ["scoring", { status: "scoring" }],
  ["scoring, anonymous", { status: "scoring", anonymous: true }],
  ["revealed", { status: "revealed" }],
  ["decided", { status: "decided" }],
  ["decided, anonymous", { status: "decided", anonymous: true }],
  ["decided in round 2", { status: "decided", rounds: 2 }],
  ["decided against the tally", { status: "decided", chosen: 1 }],
  ["superseded", { status: "decided", superseded: true }],
  ["deprecated", { status: "decided", deprecated: true }],
  ["withdrawn", { status: "withdrawn" }],
];

const madrOf = (variant: Variant) => formatMadr(buildDecisionJson(source(variant)));

describe("MADR export", () => {
  test.each(VARIANTS)("%s: front matter is valid YAML with status, date and decision-makers", (_name, variant) => {
    const { frontMatter } = parseMadr(madrOf(variant));
    expect(Object.keys(frontMatter)).toEqual(["status", "date", "decision-makers"]);
    expect(frontMatter.status).toMatch(/^(proposed|accepted|rejected|deprecated|superseded by ADR-\d{4})$/);
    expect(frontMatter.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Array.isArray(frontMatter["decision-makers"])).toBe(true);
  });

  test.each(VARIANTS)("%s: one title, then the MADR sections in order", (_name, variant) => {
    const { headings } = parseMadr(madrOf(variant));
    expect(headings.filter((h) => h.level === 1)).toEqual([{ level: 1, text: "Backend framework for payments" }]);
    expect(headings.filter((h) => h.level === 2).map((h) => h.text)).toEqual(MADR_SECTIONS);
    expect(headings[0]!.level).toBe(1);
  });

  test.each(VARIANTS)("%s: deterministic bytes, LF only, one trailing newline", (_name, variant) => {
    const text = madrOf(variant);
    expect(madrOf(variant)).toBe(text);
    expect(text).not.toContain("\r");
    expect(text.endsWith("\n")).toBe(true);
    expect(text.endsWith("\n\n")).toBe(false);
    expect(text).not.toMatch(/[ \t]+\n/);
  });

  test.each<[string, Variant, string, string]>([
    ["scoring", { status: "scoring" }, "proposed", "2025-03-01"],
    ["revealed", { status: "revealed" }, "proposed", "2025-03-01"],
    ["decided", { status: "decided" }, "accepted", "2025-03-02"],
    ["deprecated", { status: "decided", deprecated: true }, "deprecated", "2025-03-02"],
    ["superseded", { status: "decided", superseded: true }, "superseded by ADR-0007", "2025-03-02"],
    ["withdrawn", { status: "withdrawn" }, "rejected", "2025-03-01"],
  ])("%s: status %s, dated %s", (_name, variant, status, date) => {
    const { frontMatter } = parseMadr(madrOf(variant));
    expect(frontMatter.status).toBe(status);
    expect(frontMatter.date).toBe(date);
  });

  test("decided: chosen option with the reason, the rationale, and the consequences as Good/Bad bullets", () => {
    const { body } = parseMadr(madrOf({ status: "decided" }));
    expect(body).toContain('Chosen option: "Fastify", because it ranked first in the team\'s weighted scoring, with 83.1 of 100.');
    expect(body).toContain("We build payments on Fastify.");
    expect(body).toContain(
      "### Consequences\n\n* Good, because Fast to ship\n* Good, because Shared types with the web client\n* Bad, because We own more plumbing.",
    );
  });

  test("against the tally: names the top-ranked option and gives the justification", () => {
    const { body } = parseMadr(madrOf({ status: "decided", chosen: 1 }));
    expect(body).toContain('Chosen option: "Spring Boot", because the team judged it the better fit, although the weighted scoring ranked "Fastify" first');
    expect(body).toContain("Hiring: we cannot staff the top option.");
  });

  test("drivers carry the group weight once revealed, and nothing while sealed", () => {
    expect(parseMadr(madrOf({ status: "decided" })).body).toContain("* Speed (group weight 65.0%): Requests per second\n* Team fit (group weight 35.0%)");
    const sealed = parseMadr(madrOf({ status: "scoring" })).body;
    expect(sealed).toContain("* Speed: Requests per second\n* Team fit\n");
    expect(sealed).not.toMatch(/\d+\.\d%/);
    expect(sealed).not.toContain("Good, because");
    expect(sealed).not.toContain("benchmark");
  });

  test("pros and cons come from members' comments on high and low scores, with names", () => {
    const { body } = parseMadr(madrOf({ status: "decided" }));
    expect(body).toContain(
      `* Good, because Fastest in our benchmark, by far (Speed: scored 5 of 5 by ${PEOPLE.ana.name}; evidence: <https://bench.example.com/a?x=1&y=(2)>)`,
    );
    expect(body).toContain(`* Bad, because Nobody knows Java here (Team fit: scored 1 of 5 by ${PEOPLE.ben.name})`);
    expect(body).toContain("* Neutral, because =SUM(A1:A9) is what Excel would run");
    // A comment with a line break stays one bullet.
    expect(body).toContain('* Bad, because Slow "cold start", needs tuning (Speed: scored 2 of 5');
  });

  test("anonymous: no name anywhere, pros and cons without authors", () => {
    for (const variant of [
      { status: "decided", anonymous: true },
      { status: "scoring", anonymous: true },
    ] as Variant[]) {
      const text = madrOf(variant);
      for (const name of ALL_NAMES) expect(text).not.toContain(name);
    }
    const { body, frontMatter } = parseMadr(madrOf({ status: "decided", anonymous: true }));
    expect(frontMatter["decision-makers"]).toEqual(["2 team members (anonymous vote)"]);
    expect(body).toContain("* Good, because Fastest in our benchmark, by far (Speed: scored 5 of 5; evidence:");
  });

  test("decision-makers: facilitator first, then the members, no one twice", () => {
    const doc = buildDecisionJson(source({ status: "decided" }));
    expect(decisionMakers(doc)).toEqual([PEOPLE.cleo.name, PEOPLE.ana.name, PEOPLE.ben.name]);
    expect(decisionMakers(buildDecisionJson(source({ status: "scoring" })))).toEqual([PEOPLE.cleo.name]);
  });

  test("superseded: links the newer record by its file name", () => {
    const { body } = parseMadr(madrOf({ status: "decided", superseded: true }));
    expect(body).toContain("Superseded by [ADR-0007: Payments: move to Go](0007-payments-move-to-go.md).");
  });

  test("typed text cannot add headings, lists or HTML to the record", () => {
    const { body, headings } = parseMadr(madrOf({ status: "decided" }));
    expect(headings.map((h) => h.text)).not.toContain("Not a heading");
    expect(body).toContain("\\## Not a heading");
    expect(body).toContain("\\- a list item stays text");
    expect(body).toContain("\\<script>alert(1)\\</script>");
  });

  test("file name: four-digit number and a slug of the title", () => {
    expect(madrFilename(buildDecisionJson(source({ status: "draft" })))).toBe("0003-backend-framework-for-payments.md");
    const doc = { decision: { number: 12, title: "Ünïcode & spaces: the «framework» question!" } } as Pick<DecisionJson, "decision">;
    expect(madrFilename(doc)).toBe("0012-unicode-spaces-the-framework-question.md");
    expect(madrFilename({ decision: { ...doc.decision, title: "日本語" } })).toBe("0012-decision.md");
  });

  test("a title of YAML and markdown trouble still gives a valid file", () => {
    const src = source({ status: "decided" });
    const nasty = '--- # "quotes" \\ back: slash\n: colon | pipe > gt *star* `tick`';
    src.decision.title = nasty;
    (src.outcome!.snapshot as { decision: { title: string } }).decision.title = nasty;
    const { headings } = parseMadr(formatMadr(buildDecisionJson(src)));
    expect(headings[0]!.level).toBe(1);
    expect(headings.filter((h) => h.level === 2).map((h) => h.text)).toEqual(MADR_SECTIONS);
  });
});

describe("markdown and YAML helpers", () => {
  test.each([
    "plain",
    'with "double" quotes',
    "back\\slash",
    "colon: space",
    "- leading dash",
    "# hash",
    "new\nline",
    "tab\there",
    "del\u007fchar",
    "c1\u0085\u0090chars",
    "emoji 🎉 and ünïcödé",
    "'single'",
    "@at",
    "null",
    "true",
    "2025-01-01",
  ])("yamlString(%j) parses back to itself", (value) => {
    expect(parseYaml(`key: ${yamlString(value)}\n`, { strict: true })).toEqual({ key: value });
  });

  test.each([
    ["# heading", "\\# heading"],
    ["> quote", "\\> quote"],
    ["- item", "\\- item"],
    ["+ item", "\\+ item"],
    ["* item", "\\* item"],
    ["1. item", "1\\. item"],
    ["2) item", "2\\) item"],
    ["---", "\\---"],
    ["```js", "\\`\\`\\`js"],
    ["<b>bold</b>", "\\<b>bold\\</b>"],
    ["a < b and c > d", "a < b and c > d"],
    ["#hashtag", "\\#hashtag"],
    ["-1 for cost", "-1 for cost"],
  ])("one line of text %j → %j", (input, expected) => {
    expect(serialise([paragraph(line(input))])).toBe(`${expected}\n`);
  });

  test("paragraphs keep their lines, trimmed, with blank runs collapsed", () => {
    expect(serialise(paragraphs("\r\n  First line  \r\nsecond\r\n\r\n\r\n\r\n    indented\n## heading\n\n"))).toBe(
      "First line\nsecond\n\nindented\n\\## heading\n",
    );
  });
});
