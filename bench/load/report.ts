/**
 * The benchmark's output: one table on the terminal, the same rows in bench/results/load.json,
 * and the table with the machine it ran on in the README, between its load-benchmark markers.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { format, resolveConfig } from "prettier";
import { ROOT } from "./servers";

/** `rps` is null for a measurement of latency alone (`live`: one save after another); so is its ratio. */
export type Row = {
  scenario: string;
  connections: number;
  rps: number | null;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  bytes: number;
  ratio: number | null;
  /** With several rounds: the lowest and highest of the rounds' own ratios (see roundRatioRange). */
  ratioLow?: number;
  ratioHigh?: number;
  /** CPU milliseconds per answered request in the server's processes and in PostgreSQL's (throughput scenarios). */
  serverCpuMs?: number;
  databaseCpuMs?: number;
  /** The slowest of the run, where it is reported (`live`). */
  max?: number;
};

export const RESULTS_FILE = path.join(ROOT, "bench/results/load.json");
const README = path.join(ROOT, "README.md");
const START = "<!-- load-benchmark:start -->";
const END = "<!-- load-benchmark:end -->";

export type Machine = { cpu: string; cores: number; memory: string; node: string; postgres: string; load: string };

export function machine(postgresVersion: string): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    postgres: postgresVersion,
    load: os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" "),
  };
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 1 : 0) : "-");
const kb = (bytes: number) => (bytes >= 1024 ? `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB` : `${Math.round(bytes)} B`);
const HEAD = ["scenario", "conns", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "bytes/resp", "ratio", "ratio by round", "CPU ms/req server + db"];

function cells(row: Row): string[] {
  return [
    row.scenario,
    String(row.connections),
    row.rps === null ? "-" : row.rps.toFixed(1),
    ms(row.p50),
    ms(row.p95),
    ms(row.p99),
    String(row.errors),
    kb(row.bytes),
    row.ratio === null || !Number.isFinite(row.ratio) ? "-" : row.ratio.toFixed(2),
    row.ratioLow === undefined || row.ratioHigh === undefined ? "-" : `${row.ratioLow.toFixed(2)} to ${row.ratioHigh.toFixed(2)}`,
    row.serverCpuMs === undefined || row.databaseCpuMs === undefined ? "-" : `${ms(row.serverCpuMs)} + ${ms(row.databaseCpuMs)}`,
  ];
}

export function terminalTable(rows: Row[]): string {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(HEAD), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(cells).map(line)].join("\n");
}

export function describeMachine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memory}; Node ${m.node}; ${m.postgres}; load average at the end ${m.load}`;
}

function markdown(rows: Row[], m: Machine, settings: string): string {
  const body = rows.map((r) => `| ${cells(r).join(" | ")} |`);
  return [
    `Machine: ${describeMachine(m)}. ${settings}`,
    "",
    `| ${HEAD.join(" | ")} |`,
    `| ${HEAD.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...body,
  ].join("\n");
}

export async function writeResults(rows: Row[], m: Machine, settings: string) {
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, JSON.stringify(rows, null, 2) + "\n");
  if (!existsSync(README)) return;
  const readme = readFileSync(README, "utf8");
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return;
  const updated = `${readme.slice(0, start + START.length)}\n\n${markdown(rows, m, settings)}\n\n${readme.slice(end)}`;
  // Laid out as `npm run format` would, so the README stays clean for `format:check`.
  writeFileSync(README, await format(updated, { ...(await resolveConfig(README)), filepath: README }));
}

/** Each scenario's req/s over its floor's at the same concurrency: the save over the save floor, pages over the page floor. */
export function withRatios(rows: Omit<Row, "ratio">[], floorOf: (scenario: string) => string): Row[] {
  return rows.map((row) => {
    const floor = rows.find((r) => r.scenario === floorOf(row.scenario) && r.connections === row.connections);
    if (row.rps === null) return { ...row, ratio: null };
    return { ...row, ratio: floor && floor.rps !== null && floor.rps > 0 ? row.rps / floor.rps : Number.NaN };
  });
}

/** Rounds of one scenario at one concurrency share this key. */
export const figureKey = (entry: { scenario: string; connections: number }) => `${entry.scenario}@${entry.connections}`;

/**
 * How far the rounds spread: each round's own ratio (a scenario's req/s over its floor's, measured
 * in the same round right after it), lowest and highest, per scenario and concurrency. The table's
 * ratio is of the median rounds; a line met in one round and missed in the next shows here.
 */
export function roundRatioRange<T extends { scenario: string; connections: number; round: number; rps: number }>(
  rounds: T[],
  floorOf: (scenario: string) => string,
): Map<string, { ratioLow: number; ratioHigh: number }> {
  const ratios = new Map<string, number[]>();
  for (const entry of rounds) {
    const floorName = floorOf(entry.scenario);
    if (floorName === entry.scenario) continue;
    const floor = rounds.find((r) => r.scenario === floorName && r.connections === entry.connections && r.round === entry.round);
    if (!floor || !(floor.rps > 0)) continue;
    const key = figureKey(entry);
    ratios.set(key, [...(ratios.get(key) ?? []), entry.rps / floor.rps]);
  }
  return new Map([...ratios].filter(([, r]) => r.length > 1).map(([key, r]) => [key, { ratioLow: Math.min(...r), ratioHigh: Math.max(...r) }]));
}

/**
 * One figure per scenario and concurrency from several rounds: the round with the median req/s
 * (the lower of the two middle ones for an even count), with the errors of every round summed, so
 * a single round's error still fails the run.
 */
export function medianRounds<T extends { scenario: string; connections: number; rps: number; errors: number }>(rounds: T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const entry of rounds) {
    const key = figureKey(entry);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()].map((entries) => {
    const sorted = [...entries].sort((a, b) => a.rps - b.rps);
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
    return { ...median, errors: entries.reduce((sum, e) => sum + e.errors, 0) };
  });
}

/** One server's share of a bench:ab round: requests answered, over how long, and the server's CPU for them. */
export type AbSide = { answered: number; seconds: number; cpuMs: number };

const middle = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * B against A over rounds in which both served at once: each round's ratios, their medians, and the
 * CPU per request pooled over every round (all of B's CPU over all its requests, against A's), which
 * a single odd round moves less than it moves the round's own ratio. A round in which a side
 * answered nothing has no ratio and counts in neither.
 */
export function abFigures(rounds: readonly { a: AbSide; b: AbSide }[]) {
  const counted = rounds.filter((r) => r.a.answered > 0 && r.b.answered > 0);
  const rps = counted.map((r) => r.b.answered / r.b.seconds / (r.a.answered / r.a.seconds));
  const cpu = counted.map((r) => r.b.cpuMs / r.b.answered / (r.a.cpuMs / r.a.answered));
  const total = (side: "a" | "b", key: keyof AbSide) => counted.reduce((sum, r) => sum + r[side][key], 0);
  return {
    rounds: counted.length,
    rps: { median: counted.length ? middle(rps) : Number.NaN, byRound: rps },
    cpuPerRequest: {
      median: counted.length ? middle(cpu) : Number.NaN,
      pooled: counted.length ? total("b", "cpuMs") / total("b", "answered") / (total("a", "cpuMs") / total("a", "answered")) : Number.NaN,
      byRound: cpu,
    },
  };
}
