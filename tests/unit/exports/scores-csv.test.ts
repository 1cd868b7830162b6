import { describe, expect, test } from "vitest";
import { buildDecisionJson } from "@/lib/exports/build";
import { csvField, formatCsv, spreadsheetSafe } from "@/lib/exports/csv";
import {
  ANONYMOUS_SCORES_HEADER,
  cellStatistics,
  formatScoresCsv,
  NAMED_SCORES_HEADER,
  scoresCsvFilename,
  scoresCsvUnavailable,
} from "@/lib/exports/scores-csv";
import { parseCsv } from "./csv-support";
import { ALL_NAMES, ALL_USER_IDS, CRITERIA, OPTIONS, PEOPLE, source, type Variant } from "./fixtures";

const csvOf = (variant: Variant) => formatScoresCsv(buildDecisionJson(source(variant)));

describe("CSV quoting (RFC 4180)", () => {
  test.each<[string | number | boolean | null, string]>([
    ["plain", "plain"],
    ["with, comma", '"with, comma"'],
    ['with "quotes"', '"with ""quotes"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["windows\r\nbreak", '"windows\nbreak"'],
    ["", ""],
    [null, ""],
    [3, "3"],
    [true, "true"],
    ["  spaces kept  ", "  spaces kept  "],
  ])("%j → %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test("every awkward value reads back unchanged", () => {
    const values = ["a,b", 'say "hi"', "two\nlines", '",\n"', "ünï 🎉", ""];
    const text = formatCsv(
      ["h1", "h2"],
      values.map((v) => [v, "x"]),
    );
    expect(parseCsv(text)).toEqual([["h1", "h2"], ...values.map((v) => [v, "x"])]);
    expect(text.endsWith("\n")).toBe(true);
  });

  test.each([
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1 for cost", "'-1 for cost"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTab", "'\tTab"],
    ["fine = fine", "fine = fine"],
  ])("spreadsheetSafe(%j) → %j", (value, expected) => {
    expect(spreadsheetSafe(value)).toBe(expected);
  });
});

describe("scores CSV", () => {
  test("named: one row per member × option × criterion × round, blank where not scored", () => {
    const rows = parseCsv(csvOf({ status: "revealed", rounds: 2 }));
    expect(rows[0]).toEqual([...NAMED_SCORES_HEADER]);
    const data = rows.slice(1);
    expect(data).toHaveLength(2 * 2 * OPTIONS.length * CRITERIA.length);
    expect(data[0]).toEqual(["1", PEOPLE.ana.name, "Fastify", "Speed", "5", "Fastest in our benchmark, by far", "https://bench.example.com/a?x=1&y=(2)"]);
    expect(data[2]).toEqual(["1", PEOPLE.ana.name, "Spring Boot", "Speed", "2", 'Slow "cold start",\nneeds tuning', ""]);
    expect(data[3]![5]).toBe("'=SUM(A1:A9) is what Excel would run");
    expect(data[4]).toEqual(["1", PEOPLE.ana.name, 'Our own, "v2"', "Speed", "", "", ""]);
    expect(data.filter((r) => r[0] === "2" && r[1] === PEOPLE.ben.name && r[2] === "Spring Boot" && r[3] === "Speed")).toEqual([
      ["2", PEOPLE.ben.name, "Spring Boot", "Speed", "4", "", ""],
    ]);
  });

  test("decided: the snapshot's scores, whatever the rows say now", () => {
    const src = source({ status: "decided" });
    const edited = { ...src, values: { ...src.values!, scores: src.values!.scores.map((s) => ({ ...s, score: 1, comment: "edited later" })) } };
    expect(formatScoresCsv(buildDecisionJson(edited))).toBe(formatScoresCsv(buildDecisionJson(src)));
  });

  test("anonymous: aggregated per option × criterion × round, no member anywhere", () => {
    const text = csvOf({ status: "decided", anonymous: true, rounds: 2 });
    for (const name of ALL_NAMES) expect(text).not.toContain(name);
    for (const userId of ALL_USER_IDS) expect(text).not.toContain(userId);
    expect(text).not.toContain("member-");
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...ANONYMOUS_SCORES_HEADER]);
    expect(rows.slice(1)).toHaveLength(2 * OPTIONS.length * CRITERIA.length);
    expect(rows.slice(1, 7)).toEqual([
      ["1", "Fastify", "Speed", "2", "4.500", "0.500"],
      ["1", "Fastify", "Team fit", "1", "4.000", ""],
      ["1", "Spring Boot", "Speed", "2", "2.500", "0.500"],
      ["1", "Spring Boot", "Team fit", "2", "2.000", "1.000"],
      ["1", 'Our own, "v2"', "Speed", "0", "", ""],
      ["1", 'Our own, "v2"', "Team fit", "1", "2.000", ""],
    ]);
    expect(rows[9]).toEqual(["2", "Spring Boot", "Speed", "2", "3.000", "1.000"]);
  });

  test.each<[string, Variant]>([
    ["named", { status: "decided" }],
    ["anonymous", { status: "revealed", anonymous: true }],
  ])("%s: the same decision gives the same bytes", (_name, variant) => {
    const text = csvOf(variant);
    expect(csvOf(variant)).toBe(text);
    expect(text).not.toContain("\r");
    expect(text.endsWith("\n")).toBe(true);
  });

  test.each<[Variant["status"]]>([["draft"], ["weighting"], ["scoring"], ["withdrawn"]])("%s: no CSV, and a reason to show", (status) => {
    const doc = buildDecisionJson(source({ status }));
    expect(scoresCsvUnavailable(doc)).toMatch(/sealed/);
    expect(() => formatScoresCsv(doc)).toThrow(/sealed/);
  });

  test("revealed and decided: available", () => {
    expect(scoresCsvUnavailable(buildDecisionJson(source({ status: "revealed" })))).toBeNull();
    expect(scoresCsvUnavailable(buildDecisionJson(source({ status: "decided" })))).toBeNull();
  });

  test.each<[number[], ReturnType<typeof cellStatistics>]>([
    [[], { n: 0, mean: null, sd: null }],
    [[4], { n: 1, mean: "4.000", sd: null }],
    [[3, 3, 3], { n: 3, mean: "3.000", sd: "0.000" }],
    [[1, 5], { n: 2, mean: "3.000", sd: "2.000" }],
    [[1, 2, 2], { n: 3, mean: "1.667", sd: "0.471" }],
  ])("cell statistics of %j", (values, expected) => {
    expect(cellStatistics(values)).toEqual(expected);
  });

  test("file name follows the ADR's", () => {
    expect(scoresCsvFilename(buildDecisionJson(source({ status: "revealed" })))).toBe("0003-backend-framework-for-payments-scores.csv");
  });
});
