/**
 * Builds and runs the two production servers. Each server is started in a session of its own
 * (detached: Node calls setsid), so stopping it kills its whole process group, and every group
 * still running is killed when this process exits, however it exits.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, openSync, readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const FLOOR_DIR = path.join(ROOT, "bench/floor");
export const LOG_DIR = path.join(ROOT, ".data/bench-load");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group is already gone
  }
}

process.on("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers`);
    process.exit(130);
  });
}

/**
 * Runs `next build` in `cwd`, its output in a log file; throws with the log's name if it fails.
 * `nextBin`: another checkout's own Next.js (bench:ab's base), not this repository's.
 */
export function nextBuild(cwd: string, name: string, nextBin = NEXT_BIN): Promise<void> {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${name}-build.log`);
  const log = openSync(logFile, "w");
  const child = spawn(process.execPath, [nextBin, "build"], {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", log, log],
    detached: true,
  });
  running.add(child);
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`next build of ${name} failed (exit ${code}); see ${logFile}`));
    });
  });
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export type Server = { name: string; port: number; base: string; logFile: string; pgid: number; stop: () => Promise<void> };

/** CPU time (in clock ticks, 1/100 s) used so far by each process that `matches`, by pid, from /proc. */
function ticksOf(matches: (pid: string, pgid: number) => boolean): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and parentheses; the fields after its last ")" do not.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (matches(entry, Number(fields[2]))) ticks.set(entry, Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

const sum = (ticks: Map<string, number>) => [...ticks.values()].reduce((a, b) => a + b, 0);
const groupTicks = (pgid: number) => sum(ticksOf((_, group) => group === pgid));

/** Whether a process is a PostgreSQL backend serving `database` (its title: "postgres: [cluster: ]user database host state"). */
function servesDatabase(pid: string, database: string): boolean {
  const title = /^postgres: (?:\S+: )?\S+ (\S+) /.exec(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  return title?.[1] === database;
}

export type CpuSnapshot = { server: number; database: Map<string, number> };

/** CPU time so far of a server's process group and of each PostgreSQL backend serving `database`. */
export function cpuSnapshot(server: Server, database: string): CpuSnapshot {
  return { server: groupTicks(server.pgid), database: ticksOf((pid) => servesDatabase(pid, database)) };
}

/**
 * CPU milliseconds between two snapshots: the server's, and the backends' (a backend that started
 * meanwhile counts whole; one that ended meanwhile, as an idle pooled connection does, drops out
 * rather than taking its earlier time with it).
 */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): { server: number; database: number } {
  let database = 0;
  for (const [pid, ticks] of after.database) database += ticks - (before.database.get(pid) ?? 0);
  return { server: (after.server - before.server) * 10, database: database * 10 };
}

/**
 * Waits until the servers have finished what the last run left them: autocannon stops waiting
 * when its time is up, but a server goes on rendering every request already accepted, and a run
 * measured on top of that backlog would be charged for it. Idle means under 5% of a core for half
 * a second.
 */
export async function waitIdle(servers: readonly Server[], timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  const windowMs = 500;
  const idleTicks = (windowMs / 1000) * 100 * 0.05; // clock ticks are 1/100 s on Linux
  for (;;) {
    const before = servers.map((s) => groupTicks(s.pgid));
    await new Promise((r) => setTimeout(r, windowMs));
    const busy = servers.some((s, i) => groupTicks(s.pgid) - before[i]! > idleTicks);
    if (!busy) return;
    if (Date.now() > until) throw new Error(`the servers were still busy ${timeoutMs / 1000} s after the last run`);
  }
}

/** Starts `next start` in `cwd` on 127.0.0.1:`port` and waits until `readyPath` answers below 500. */
export async function nextStart(
  cwd: string,
  name: string,
  port: number,
  env: Record<string, string>,
  readyPath = "/",
  nodeArgs: string[] = [],
  nextBin = NEXT_BIN,
): Promise<Server> {
  if (await portAnswers(port)) throw new Error(`port ${port} is already in use: stop whatever listens there, or set another port`);
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${name}-server.log`);
  const log = openSync(logFile, "w");
  const child = spawn(process.execPath, [...nodeArgs, nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", log, log],
    detached: true,
  });
  running.add(child);
  let exited: number | null = null;
  child.on("exit", (code) => {
    exited = code ?? -1;
    running.delete(child);
  });
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) throw new Error(`${name} server exited (code ${exited}) before answering; see ${logFile}`);
    try {
      if ((await fetch(`${base}${readyPath}`, { redirect: "manual" })).status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${name} server did not answer within 60 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (exited !== null) return;
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    await gone;
    clearTimeout(timer);
  };
  return { name, port, base, logFile, pgid: child.pid!, stop };
}
