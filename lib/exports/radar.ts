import { formatCsv } from "./csv";
import { adrNumber, compareCodeUnits, compareNames, isoDay, oneLine, slugify } from "./text";

// The team's decided decisions as a tech radar for Thoughtworks' Build Your Own Radar (BYOR).
//
// What BYOR reads (its CSV loader and validators): a header row naming at least the columns
// name, ring, quadrant, isNew and description (spelt exactly so; order free); isNew is true when it
// reads "true" in any case; the description is HTML, sanitised to a few tags. The current BYOR
// draws four fixed quadrants (Techniques, Platforms, Tools, Languages & Frameworks) and four rings
// (Adopt, Trial, Assess, Hold; recent versions show Hold as "Caution"), matched without regard to
// case, and leaves out rows naming any other ring or quadrant. Older self-hosted builds instead
// took quadrants from the data and refused a file with fewer than four; nothing here can fill the
// other three quadrants honestly (every option of a decision is a framework), so that old
// requirement is not met and no filler rows are invented.
//
// Rules:
// - One row per chosen option of the team's decided decisions, in the quadrant
//   "Languages & Frameworks". Options chosen in several decisions are one row (same name, any case).
// - Ring "Adopt" while at least one of those decisions stands; "Hold" once every one of them is
//   superseded or deprecated. Options considered but not chosen are left out: a vote against is
//   not a recommendation to assess.
// - isNew is TRUE when the option was first chosen within `newWithinDays` days (90 by default,
//   about one radar edition) before the radar's as-of date: the latest decision or deprecation in
//   the data, not today, so the same data always gives the same file.

export const RADAR_QUADRANT = "Languages & Frameworks";
export const RADAR_RINGS = ["Adopt", "Hold"] as const;
export type RadarRing = (typeof RADAR_RINGS)[number];
export const RADAR_HEADER = ["name", "ring", "quadrant", "isNew", "description"] as const;
export const DEFAULT_NEW_WITHIN_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
const DECISION_TEXT_LIMIT = 280;

export type RadarDecision = {
  id: string;
  number: number;
  title: string;
  chosenOptionName: string;
  /** The ADR's "decision" text. */
  decision: string;
  decidedAt: Date;
  deprecatedAt: Date | null;
  supersededBy: { number: number; title: string } | null;
};

export type RadarEntry = { name: string; ring: RadarRing; quadrant: typeof RADAR_QUADRANT; isNew: boolean; description: string };

export type Radar = { asOf: Date | null; newWithinDays: number; entries: RadarEntry[] };

const standing = (d: RadarDecision) => d.supersededBy === null && d.deprecatedAt === null;
const keyOf = (name: string) => oneLine(name.normalize("NFKC")).toLowerCase();

/** BYOR shows the description as HTML: text is escaped so it shows as written. */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function shorten(text: string, limit: number): string {
  const flat = oneLine(text);
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit);
  const space = cut.lastIndexOf(" ");
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, "")}…`;
}

function describe(d: RadarDecision): string {
  const status = d.supersededBy
    ? `, superseded by ADR-${adrNumber(d.supersededBy.number)} “${oneLine(d.supersededBy.title)}”`
    : d.deprecatedAt
      ? `, deprecated on ${isoDay(d.deprecatedAt)}`
      : "";
  const why = shorten(d.decision, DECISION_TEXT_LIMIT);
  return `Chosen in ADR-${adrNumber(d.number)} “${oneLine(d.title)}” on ${isoDay(d.decidedAt)}${status}.${why ? ` ${why}` : ""}`;
}

const byDecidedThenId = (a: RadarDecision, b: RadarDecision) => a.decidedAt.getTime() - b.decidedAt.getTime() || compareCodeUnits(a.id, b.id);

export function buildRadar(decisions: readonly RadarDecision[], newWithinDays = DEFAULT_NEW_WITHIN_DAYS): Radar {
  if (decisions.length === 0) return { asOf: null, newWithinDays, entries: [] };
  const asOf = new Date(Math.max(...decisions.flatMap((d) => [d.decidedAt.getTime(), ...(d.deprecatedAt ? [d.deprecatedAt.getTime()] : [])])));
  const newSince = asOf.getTime() - newWithinDays * DAY_MS;

  const groups = new Map<string, RadarDecision[]>();
  for (const d of decisions) {
    const key = keyOf(d.chosenOptionName);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(d);
  }
  const entries = [...groups.entries()].map(([key, group]) => {
    const sorted = [...group].sort(byDecidedThenId);
    const first = sorted[0]!;
    const latest = sorted[sorted.length - 1]!;
    const entry: RadarEntry & { key: string } = {
      key,
      name: oneLine(latest.chosenOptionName),
      ring: sorted.some(standing) ? "Adopt" : "Hold",
      quadrant: RADAR_QUADRANT,
      isNew: first.decidedAt.getTime() >= newSince,
      description: escapeHtmlText(sorted.map(describe).join(" ")),
    };
    return entry;
  });
  entries.sort((a, b) => RADAR_RINGS.indexOf(a.ring) - RADAR_RINGS.indexOf(b.ring) || compareNames(a.name, b.name) || compareCodeUnits(a.key, b.key));
  return { asOf, newWithinDays, entries: entries.map(({ key: _key, ...entry }) => entry) };
}

/** The radar as BYOR's CSV: header row, then one row per entry; TRUE/FALSE for isNew. */
export function formatRadarCsv(radar: Radar): string {
  return formatCsv(
    RADAR_HEADER,
    radar.entries.map((e) => [e.name, e.ring, e.quadrant, e.isNew ? "TRUE" : "FALSE", e.description]),
  );
}

/** BYOR titles the radar with the file's name, so it names the team: "acme-platform-tech-radar.csv". */
export function radarFilename(teamName: string): string {
  return `${slugify(teamName, 40, "team")}-tech-radar.csv`;
}
