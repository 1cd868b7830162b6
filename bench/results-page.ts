/**
 * Seeds a revealed decision of 200 members × 10 options × 10 criteria on PostgreSQL, then prints
 * the median time of the tally alone, of sensitivity + Monte Carlo (10,000 samples), and of the
 * results page's server response (a production server, signed in as a member).
 *
 *   npm run bench            # uses postgres://postgres@127.0.0.1:5432/verdict_bench
 *   BENCH_DATABASE_URL=… BENCH_RUNS=50 npm run bench
 *
 * Needs a production build (`npm run build`); the script builds one if none exists.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import { chromium } from "@playwright/test";
import postgres from "postgres";
import { openDb } from "../db/client";
import { runMigrations } from "../db/migrate";
import { ballotsOf } from "../db/queries/ballots";
import { createSession } from "../db/queries/sessions";
import { loadStructure } from "../db/queries/decisions";
import { tallyOf } from "../lib/domain/tally-of";
import { criteria, decisions, memberships, options, teams, users, weights, scores, ballots, frameworks } from "../db/schema";
import { seedCatalog } from "../db/seed";
import { hashPassword } from "../lib/auth/password";
import { monteCarlo } from "../lib/domain/monte-carlo";
import { sensitivity } from "../lib/domain/sensitivity";
import { scoreBasis } from "../lib/domain/what-if";

const MEMBERS = 200;
const OPTIONS = 10;
const CRITERIA = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const URL_ = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/verdict_bench";
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";

// A small deterministic generator, so every run seeds the same ballots.
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function median(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function recreateDatabase() {
  const name = new URL(URL_).pathname.slice(1);
  const admin = postgres(URL_.replace(/\/[^/]*$/, "/postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
}

async function seed() {
  await recreateDatabase();
  const handle = await openDb({ driver: "postgres", url: URL_ });
  await runMigrations(handle);
  const { db } = handle;
  await seedCatalog(db);
  const passwordHash = await hashPassword("bench-password");
  const people = await db
    .insert(users)
    .values(Array.from({ length: MEMBERS }, (_, i) => ({ name: `Member ${String(i + 1).padStart(3, "0")}`, email: `member${i + 1}@bench.test`, passwordHash })))
    .returning({ id: users.id, name: users.name, email: users.email });
  const [team] = await db.insert(teams).values({ name: "Bench team" }).returning();
  await db.insert(memberships).values(people.map((p, i) => ({ teamId: team!.id, userId: p.id, role: i === 0 ? ("owner" as const) : ("member" as const) })));
  const [decision] = await db
    .insert(decisions)
    .values({ teamId: team!.id, title: "Bench decision", facilitatorId: people[0]!.id, status: "revealed", revealedAt: new Date() })
    .returning();
  const catalog = await db.select().from(frameworks);
  const optionRows = await db
    .insert(options)
    .values(catalog.slice(0, OPTIONS).map((f, position) => ({ decisionId: decision!.id, frameworkSlug: f.slug, name: f.name, position })))
    .returning();
  const criterionRows = await db
    .insert(criteria)
    .values(Array.from({ length: CRITERIA }, (_, position) => ({ decisionId: decision!.id, name: `Criterion ${position + 1}`, position })))
    .returning();
  const random = generator(42);
  await db
    .insert(weights)
    .values(
      people.flatMap((p) => criterionRows.map((c) => ({ decisionId: decision!.id, criterionId: c.id, userId: p.id, weight: Math.floor(random() * 11) }))),
    );
  const scoreRows = people.flatMap((p) =>
    optionRows.flatMap((o) =>
      criterionRows.map((c) => ({ decisionId: decision!.id, optionId: o.id, criterionId: c.id, userId: p.id, score: 1 + Math.floor(random() * 5) })),
    ),
  );
  for (let i = 0; i < scoreRows.length; i += 5000) await db.insert(scores).values(scoreRows.slice(i, i + 5000));
  await db.insert(ballots).values(people.flatMap((p) => (["weights", "scores"] as const).map((kind) => ({ decisionId: decision!.id, userId: p.id, kind }))));
  // Pages check the session row behind the cookie, so the member needs one.
  const sessionId = await createSession(db, people[1]!.id, "bench");
  return { handle, teamId: team!.id, decisionId: decision!.id, member: { ...people[1]!, sessionId } };
}

async function benchSensitivity(handle: Awaited<ReturnType<typeof seed>>["handle"], decisionId: string) {
  const [structure, inputs] = await Promise.all([loadStructure(handle.db, decisionId), ballotsOf(handle.db, decisionId)]);
  const result = tallyOf(structure, inputs);
  const basis = scoreBasis(
    { options: structure.options, criteria: structure.criteria, members: inputs.members, weights: inputs.weights, scores: inputs.scores },
    result,
  );
  const once = () => {
    const start = performance.now();
    sensitivity(basis);
    monteCarlo(basis, { samples: 10_000 });
    return performance.now() - start;
  };
  const cold = once(); // the first call pays for the engine's warm-up, as a fresh server would
  return { cold, samples: Array.from({ length: RUNS }, once) };
}

async function benchTally(handle: Awaited<ReturnType<typeof seed>>["handle"], decisionId: string) {
  const [structure, inputs] = await Promise.all([loadStructure(handle.db, decisionId), ballotsOf(handle.db, decisionId)]);
  tallyOf(structure, inputs); // warm-up
  const samples = Array.from({ length: RUNS }, () => {
    const start = performance.now();
    tallyOf(structure, inputs);
    return performance.now() - start;
  });
  return { samples, counts: { members: inputs.members.length, weights: inputs.weights.length, scores: inputs.scores.length } };
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

async function benchPage(path: string, member: { id: string; name: string; email: string; sessionId: string }) {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("no production build: running next build");
    spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  const server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: URL_, AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: "ignore",
    detached: true,
  });
  try {
    await waitFor(`http://127.0.0.1:${PORT}/sign-in`, 60_000);
    const cookieName = "authjs.session-token";
    const token = await encode({ token: { sub: member.id, sid: member.sessionId, name: member.name, email: member.email }, secret: SECRET, salt: cookieName });
    const get = async () => {
      const start = performance.now();
      const response = await fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { cookie: `${cookieName}=${token}` }, redirect: "manual" });
      const body = await response.text();
      const elapsed = performance.now() - start;
      if (response.status !== 200 || !body.includes("Weighted ranking")) throw new Error(`results page answered ${response.status}`);
      return { elapsed, bytes: body.length };
    };
    for (let i = 0; i < 3; i++) await get(); // warm-up: first renders compile and fill caches
    const results = [];
    for (let i = 0; i < RUNS; i++) results.push(await get());
    const js = await javascriptWeight(`http://127.0.0.1:${PORT}${path}`, cookieName, token);
    return { samples: results.map((r) => r.elapsed), bytes: results[0]!.bytes, js };
  } finally {
    process.kill(-server.pid!, "SIGTERM");
  }
}

/**
 * JavaScript the browser downloads for the page: before the load event (first load) and after the
 * lazily loaded charts arrive. Sizes as sent over the wire (compressed) and decoded.
 */
async function javascriptWeight(url: string, cookieName: string, token: string) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--disable-background-networking"] });
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: cookieName, value: token, url }]);
    const page = await context.newPage();
    const scripts: { phase: "first" | "lazy"; wire: number; decoded: number }[] = [];
    let phase: "first" | "lazy" = "first";
    page.on("response", async (response) => {
      if (response.request().resourceType() !== "script") return;
      const current = phase;
      const body = await response.body().catch(() => Buffer.alloc(0));
      const sizes = await response
        .request()
        .sizes()
        .catch(() => null);
      scripts.push({ phase: current, wire: sizes?.responseBodySize ?? body.length, decoded: body.length });
    });
    await page.goto(url, { waitUntil: "load" });
    phase = "lazy";
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    const sum = (which: "first" | "lazy", key: "wire" | "decoded") => scripts.filter((s) => s.phase === which).reduce((a, s) => a + s[key], 0);
    return { firstWire: sum("first", "wire"), firstDecoded: sum("first", "decoded"), lazyWire: sum("lazy", "wire"), lazyDecoded: sum("lazy", "decoded") };
  } finally {
    await browser.close();
  }
}

const seeded = await seed();
const sensitivityRun = await benchSensitivity(seeded.handle, seeded.decisionId);
const tallyRun = await benchTally(seeded.handle, seeded.decisionId);
await seeded.handle.close();
const page = await benchPage(`/teams/${seeded.teamId}/decisions/${seeded.decisionId}/results`, seeded.member);

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
console.log(
  `decision: ${tallyRun.counts.members} members, ${OPTIONS} options, ${CRITERIA} criteria (${tallyRun.counts.weights} weights, ${tallyRun.counts.scores} scores)`,
);
console.log(
  `tally:        median ${fmt(median(tallyRun.samples))}  min ${fmt(Math.min(...tallyRun.samples))}  max ${fmt(Math.max(...tallyRun.samples))}  (${RUNS} runs)`,
);
console.log(
  `sensitivity + Monte Carlo (10,000 samples): median ${fmt(median(sensitivityRun.samples))}  max ${fmt(Math.max(...sensitivityRun.samples))}  first call ${fmt(sensitivityRun.cold)}`,
);
console.log(
  `results page: median ${fmt(median(page.samples))}  min ${fmt(Math.min(...page.samples))}  max ${fmt(Math.max(...page.samples))}  (${RUNS} sequential requests, ${(page.bytes / 1024).toFixed(0)} KiB HTML)`,
);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
console.log(
  `results page JS: first load ${kib(page.js.firstWire)} over the wire (${kib(page.js.firstDecoded)} decoded); charts, loaded after: ${kib(page.js.lazyWire)} (${kib(page.js.lazyDecoded)} decoded)`,
);
