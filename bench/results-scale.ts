/**
 * The results page of a large decision: 1,000 members × 20 options × 20 criteria (400,000 scores).
 * Seeds `verdict_scale_results` once (kept for the next run; RESEED=1 starts over), starts the
 * production build, and prints the median server time of the page, signed in as a member, beside
 * two baselines measured in the same run: one `select count(*)` over the decision's scores, and a
 * light signed-in page (/teams).
 *
 *   npm run bench:results-scale
 *   SCALE_DATABASE_URL=… SCALE_PORT=3440 BENCH_RUNS=15 RESEED=1 npm run bench:results-scale
 *
 * Needs a production build (`npx next build`); the script builds one if none exists.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import postgres from "postgres";
import { openDb } from "../db/client";
import { monteCarlo } from "../lib/domain/monte-carlo";
import { sensitivity } from "../lib/domain/sensitivity";
import { readDecision } from "../lib/services/access";
import { loadResults } from "../lib/services/results-page";
import { scaleSeed, type ScaleSeed } from "./support/scale-seed";

const SHAPE = { members: 1000, options: 20, criteria: 20 };
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const URL_ = process.env.SCALE_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/verdict_scale_results";
const PORT = Number(process.env.SCALE_PORT ?? 3440);
const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";
const COOKIE = "authjs.session-token";

function median(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

async function countBaseline(seed: ScaleSeed) {
  const sql = postgres(URL_, { max: 1, onnotice: () => {} });
  try {
    const once = () => timed(() => sql`select count(*) from scores where decision_id = ${seed.revealedId} and round = 1`);
    await once();
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) samples.push((await once())[0]);
    return median(samples);
  } finally {
    await sql.end();
  }
}

/** The page's work without the framework: access check, loader, and the sensitivity and Monte Carlo figures it draws. */
async function loaderTimes(seed: ScaleSeed) {
  const handle = await openDb({ driver: "postgres", url: URL_ });
  try {
    const ref = { teamId: seed.teamId, decisionId: seed.revealedId };
    const once = async () => {
      const [load] = await timed(async () => loadResults(await readDecision(handle.db, seed.member.id, ref, "decision.view")));
      const results = await loadResults(await readDecision(handle.db, seed.member.id, ref, "decision.view"));
      if (results.kind !== "revealed") throw new Error(`expected revealed results, got ${results.kind}`);
      const [analysis] = await timed(async () => {
        sensitivity(results.basis);
        monteCarlo(results.basis);
      });
      return { load, analysis };
    };
    await once();
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once());
    return { load: median(runs.map((r) => r.load)), analysis: median(runs.map((r) => r.analysis)) };
  } finally {
    await handle.close();
  }
}

async function waitFor(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer at ${url}`);
}

function startServer() {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("no production build: running next build");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  // Detached: its own session and process group (setsid), so stopping the group stops every process it started.
  return spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: URL_, AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: "ignore",
    detached: true,
  });
}

type Measured = { label: string; median: number; min: number; bytes: number };

async function measurePages(seed: ScaleSeed) {
  const token = await encode({
    token: { sub: seed.member.id, sid: seed.member.sessionId, name: seed.member.name, email: seed.member.email },
    secret: SECRET,
    salt: COOKIE,
  });
  const get = async (path: string, expect: string) => {
    const [elapsed, body] = await timed(async () => {
      const response = await fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { cookie: `${COOKIE}=${token}` }, redirect: "manual" });
      const text = await response.text();
      if (response.status !== 200 || !text.includes(expect)) throw new Error(`${path} answered ${response.status}`);
      return text;
    });
    return { elapsed, bytes: Buffer.byteLength(body) };
  };
  const measure = async (label: string, path: string, expect: string): Promise<Measured> => {
    for (let i = 0; i < 2; i++) await get(path, expect); // warm-up: first renders compile and fill caches
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await get(path, expect));
    const samples = runs.map((r) => r.elapsed);
    return { label, median: median(samples), min: Math.min(...samples), bytes: runs[0]!.bytes };
  };
  const results = (id: string) => `/teams/${seed.teamId}/decisions/${id}/results`;
  return [
    await measure("baseline: GET /teams (signed in, one team)", "/teams", "Scale team"),
    await measure("results, revealed", results(seed.revealedId), "Weighted ranking"),
    await measure("results, revealed, one person open", `${results(seed.revealedId)}?person=${seed.member.id}`, "Weighted ranking"),
    await measure("results, revealed, every person asked for", `${results(seed.revealedId)}?people=all`, "Weighted ranking"),
    await measure("results, two rounds", results(seed.twoRoundsId), "Weighted ranking"),
    await measure("results, decided (snapshot)", results(seed.decidedId), "Weighted ranking"),
    await measure("results, decided, one person open", `${results(seed.decidedId)}?person=${seed.member.id}`, "Weighted ranking"),
    await measure("results, revealed, 12 × 12 (the form's limit)", results(seed.atLimitsId), "Weighted ranking"),
  ];
}

const [seedMs, seed] = await timed(() => scaleSeed(URL_, SHAPE, { reseed: process.env.RESEED === "1" }));
console.log(`seed ready in ${(seedMs / 1000).toFixed(1)} s (${SHAPE.members} members × ${SHAPE.options} options × ${SHAPE.criteria} criteria)`);
const countMs = await countBaseline(seed);
const loader = await loaderTimes(seed);

const server = startServer();
let pages: Measured[];
try {
  await waitFor(`http://127.0.0.1:${PORT}/sign-in`, 120_000);
  pages = await measurePages(seed);
} finally {
  process.kill(-server.pid!, "SIGTERM");
}

const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
console.log(`\nmedian of ${RUNS} sequential requests, after 2 warm-ups; production build on PostgreSQL`);
console.log(`${"baseline: select count(*) over the 400,000 scores".padEnd(48)} ${fmt(countMs)}`);
console.log(`${"access check + loadResults, in process".padEnd(48)} ${fmt(loader.load)}`);
console.log(`${"sensitivity + Monte Carlo on its basis".padEnd(48)} ${fmt(loader.analysis)}`);
for (const p of pages) {
  const ratio = p.label.startsWith("baseline") ? "" : `  ×${(p.median / countMs).toFixed(1)} the count`;
  console.log(`${p.label.padEnd(48)} ${fmt(p.median)}  (min ${p.min.toFixed(0)} ms, ${(p.bytes / 1024).toFixed(0)} KiB HTML)${ratio}`);
}
