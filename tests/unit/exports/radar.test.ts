import { describe, expect, test } from "vitest";
import { buildRadar, formatRadarCsv, RADAR_HEADER, type RadarDecision, radarFilename } from "@/lib/exports/radar";
import { parseCsv } from "./csv-support";

const day = (iso: string) => new Date(`${iso}T12:00:00.000Z`);
let seq = 0;
function decided(name: string, decidedOn: string, extra: Partial<RadarDecision> = {}): RadarDecision {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`,
    number: seq,
    title: `Framework for service ${seq}`,
    chosenOptionName: name,
    decision: `We chose ${name}.`,
    decidedAt: day(decidedOn),
    deprecatedAt: null,
    supersededBy: null,
    ...extra,
  };
}

/** The columns BYOR requires, the rings and quadrants the current BYOR draws (matched ignoring case). */
const BYOR_REQUIRED = ["name", "ring", "quadrant", "isNew", "description"];
const BYOR_RINGS = ["adopt", "trial", "assess", "hold"];
const BYOR_QUADRANTS = ["techniques", "platforms", "tools", "languages & frameworks"];

function byorRows(text: string) {
  const [header, ...rows] = parseCsv(text);
  for (const column of BYOR_REQUIRED) expect(header).toContain(column);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])) as Record<(typeof RADAR_HEADER)[number], string>);
}

describe("tech radar CSV", () => {
  const decisions = [
    decided("NestJS", "2025-01-10"),
    decided("Phoenix", "2025-05-01"),
    decided("Express", "2024-06-01", { deprecatedAt: day("2025-02-01") }),
    decided("Django", "2024-09-01", { supersededBy: { number: 9, title: "Move the admin to Rails" } }),
    decided("nestjs", "2025-04-20"),
  ];

  test("a file BYOR accepts: its required header, known rings and quadrant, TRUE/FALSE for isNew", () => {
    const rows = byorRows(formatRadarCsv(buildRadar(decisions)));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(BYOR_RINGS).toContain(row.ring.toLowerCase());
      expect(BYOR_QUADRANTS).toContain(row.quadrant.toLowerCase());
      expect(["TRUE", "FALSE"]).toContain(row.isNew);
      expect(row.name.trim()).toBe(row.name);
      expect(row.name.length).toBeGreaterThan(0);
    }
  });

  test("chosen options adopt; superseded or deprecated choices hold; one row per option", () => {
    const rows = byorRows(formatRadarCsv(buildRadar(decisions)));
    expect(rows.map((r) => [r.name, r.ring, r.quadrant])).toEqual([
      ["nestjs", "Adopt", "Languages & Frameworks"],
      ["Phoenix", "Adopt", "Languages & Frameworks"],
      ["Django", "Hold", "Languages & Frameworks"],
      ["Express", "Hold", "Languages & Frameworks"],
    ]);
  });

  test("isNew: first chosen within 90 days of the latest decision in the data, not of today", () => {
    const radar = buildRadar(decisions);
    expect(radar.asOf?.toISOString()).toBe("2025-05-01T12:00:00.000Z");
    const isNew = Object.fromEntries(radar.entries.map((e) => [e.name, e.isNew]));
    // NestJS was first chosen 2025-01-10, 111 days before: not new, though chosen again since.
    expect(isNew).toEqual({ nestjs: false, Phoenix: true, Django: false, Express: false });
    expect(Object.fromEntries(buildRadar(decisions, 120).entries.map((e) => [e.name, e.isNew]))).toMatchObject({ nestjs: true });
  });

  test("a deprecation is part of the data's date", () => {
    const radar = buildRadar([decided("Koa", "2024-01-01", { deprecatedAt: day("2024-12-31") }), decided("Hono", "2024-12-01")]);
    expect(radar.asOf?.toISOString()).toBe("2024-12-31T12:00:00.000Z");
    expect(radar.entries.find((e) => e.name === "Hono")!.isNew).toBe(true);
  });

  test("descriptions say where each choice was made, HTML-escaped, and quote safely", () => {
    const tricky = decided('Our "fast", <b>own</b> & co', "2025-01-01", { title: "Title, with comma", decision: "Line one\nline two & <i>more</i>" });
    const text = formatRadarCsv(buildRadar([tricky]));
    const [row] = byorRows(text);
    expect(row!.name).toBe('Our "fast", <b>own</b> & co');
    expect(row!.description).toBe(
      `Chosen in ADR-${String(tricky.number).padStart(4, "0")} “Title, with comma” on 2025-01-01. Line one line two &amp; &lt;i&gt;more&lt;/i&gt;`,
    );
    const superseded = byorRows(formatRadarCsv(buildRadar([decisions[3]!])))[0]!;
    expect(superseded.description).toContain("superseded by ADR-0009 “Move the admin to Rails”");
  });

  test("long decision texts are shortened at a word", () => {
    const long = decided("Gin", "2025-01-01", { decision: "word ".repeat(200) });
    const description = buildRadar([long]).entries[0]!.description;
    expect(description.endsWith("word…")).toBe(true);
    expect(description.length).toBeLessThan(400);
  });

  test("deterministic: the same decisions in any order give the same bytes", () => {
    const text = formatRadarCsv(buildRadar(decisions));
    expect(formatRadarCsv(buildRadar([...decisions].reverse()))).toBe(text);
    expect(text).not.toContain("\r");
    expect(text.endsWith("\n")).toBe(true);
  });

  test("no decided decision: just the header", () => {
    expect(formatRadarCsv(buildRadar([]))).toBe("name,ring,quadrant,isNew,description\n");
  });

  test("file name names the team, as BYOR titles the radar after it", () => {
    expect(radarFilename("Acme Platform")).toBe("acme-platform-tech-radar.csv");
    expect(radarFilename("")).toBe("team-tech-radar.csv");
  });
});
