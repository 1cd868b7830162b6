/**
 * `npm run bench:load`: Verdict under a whole team at once, beside a bare Next.js floor, in one run.
 *
 * Seeds `verdict_load` (200 members, a decision in scoring with ~1,300 events, a revealed one),
 * builds and starts Verdict's production server (as the app's least-privilege database role) and
 * the floor app, signs the members in, records the browser's own save-scores request, and drives
 * every scenario with autocannon at each concurrency. The database stays for measuring by hand.
 *
 *   BENCH_DURATION=5          seconds per measurement
 *   BENCH_WARM_UP=10          seconds of untimed load at 10 connections before a scenario's first
 *                             measurement, the floors' alike: the JIT keeps speeding Verdict's larger
 *                             code up for thousands of requests, and a server in service is warm
 *   BENCH_ROUNDS=1            measurements per scenario and concurrency, taken in turn with its floor;
 *                             the table gives the round with the median req/s
 *   BENCH_CONNECTIONS=1,10,50
 *   BENCH_SCENARIOS=save-scores,floor-save   only these (`live` also starts a second Verdict server)
 *   BENCH_BUILD=0             reuse the existing builds (.next, bench/floor/.next)
 *   BENCH_DATABASE_URL, BENCH_PORT (3410), BENCH_FLOOR_PORT (3411), BENCH_TIMEOUT (10 s)
 *   BENCH_LIVE_PORT (BENCH_PORT + 2)  the second Verdict server, for `live`
 *   BENCH_LIVE_SAVES=100      saves timed by `live`
 *   BENCH_SERVER_NODE_ARGS    Node flags for Verdict's server only, e.g. "--cpu-prof --cpu-prof-dir=.data/bench-load"
 *                             (the profile is written when the server stops)
 *   BENCH_FLOOR_NODE_ARGS     the same for the floor's server, to profile both in one run (npm run bench:profile)
 */
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Measured, drive, type Target, TIMEOUT_SECONDS } from "./drive";
import { type CapturedSave, captureSaveScores } from "./capture";
import { measureLive } from "./live";
import { describeMachine, figureKey, machine, medianRounds, RESULTS_FILE, roundRatioRange, type Row, terminalTable, withRatios, writeResults } from "./report";
import { MEMBERS, type Member, seedLoadDatabase } from "./seed";
import { cpuBetween, cpuSnapshot, FLOOR_DIR, nextBuild, nextStart, ROOT, type Server, waitIdle } from "./servers";
import { signInAll } from "./sessions";
import { APP_ROLE, appEnv as appEnvOf, asRole, benchPages, DEFAULT_DATABASE_URL, SECRET } from "./setup";
import { checkBallots, settledSaves } from "./verify";

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL;
const DATABASE_NAME = new URL(DATABASE_URL).pathname.slice(1);
const PORT = Number(process.env.BENCH_PORT ?? 3410);
const FLOOR_PORT = Number(process.env.BENCH_FLOOR_PORT ?? 3411);
const LIVE_PORT = Number(process.env.BENCH_LIVE_PORT ?? PORT + 2);
const LIVE_SAVES = Number(process.env.BENCH_LIVE_SAVES ?? 100);
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 10);
if (!(WARM_UP >= 0)) throw new Error(`BENCH_WARM_UP is a number of seconds, 0 or more, not ${process.env.BENCH_WARM_UP}`);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? "1,10,50").split(",").map(Number);
const ONLY = process.env.BENCH_SCENARIOS?.split(",").map((s) => s.trim());
const BUILD = process.env.BENCH_BUILD !== "0";
/** The floor is what the throughput scenarios are compared with; `live` alone measures latency and needs none. */
const FLOOR_NEEDED = !ONLY || ONLY.some((s) => s !== "live");

type CpuPerRequest = { serverCpuMs: number; databaseCpuMs: number };

/**
 * Where a scenario's time went: CPU milliseconds per answered request, in the server's processes
 * and in PostgreSQL's, over the measurement (the responses still in flight at its end add a little).
 */
function perRequest(used: ReturnType<typeof cpuBetween>, answered: number): CpuPerRequest {
  const per = (ms: number) => (answered > 0 ? ms / answered : Number.NaN);
  return { serverCpuMs: per(used.server), databaseCpuMs: per(used.database) };
}

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const step = (message: string) => console.log(`[${elapsed()}] ${message}`);

async function builds() {
  const appBuilt = existsSync(path.join(ROOT, ".next/BUILD_ID"));
  const floorBuilt = existsSync(path.join(FLOOR_DIR, ".next/BUILD_ID"));
  if (BUILD || !appBuilt) await nextBuild(ROOT, "app");
  step("app built");
  if (!FLOOR_NEEDED) return;
  if (BUILD || !floorBuilt) await nextBuild(FLOOR_DIR, "floor");
  step("floor built");
}

const [load1] = os.loadavg();
if (load1! > os.cpus().length) {
  console.warn(
    `note: the machine is busy (load average ${load1!.toFixed(1)} on ${os.cpus().length} cores); figures will be low, ratios within the run less so`,
  );
}
step(`seeding ${DATABASE_URL} and building (the builds' logs go to .data/bench-load/)`);
const [{ handle, seeded }] = await Promise.all([seedLoadDatabase(DATABASE_URL, APP_ROLE), builds()]);
const { db } = handle;
step(`seeded: ${MEMBERS} members, ${seeded.events} events on the scoring decision`);
const cookies = await signInAll(db, SECRET, seeded.members);

const servers: Server[] = [];
let failed = false;
try {
  const appEnv = appEnvOf(DATABASE_URL);
  const app = await nextStart(ROOT, "app", PORT, appEnv, "/sign-in", process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean));
  servers.push(app);
  const floor = FLOOR_NEEDED
    ? await nextStart(
        FLOOR_DIR,
        "floor",
        FLOOR_PORT,
        { FLOOR_DATABASE_URL: asRole(DATABASE_URL, APP_ROLE), FLOOR_DECISION_ID: seeded.scoring.decisionId },
        "/_not-found",
        process.env.BENCH_FLOOR_NODE_ARGS?.split(" ").filter(Boolean),
      )
    : null;
  if (floor) servers.push(floor);
  step(`servers up: Verdict on ${app.base} (database role ${APP_ROLE})${floor ? `, floor on ${floor.base}` : ""}`);

  const { teamId } = seeded;
  const decision = `/teams/${teamId}/decisions/${seeded.scoring.decisionId}`;
  // Connection n is member n + 2 (cycling through 2..200): plain members, never the team's owner.
  const memberOf = (n: number): Member => seeded.members[1 + (n % (MEMBERS - 1))]!;
  const cookieOf = (n: number) => cookies[1 + (n % (MEMBERS - 1))]!;
  const signedIn = (n: number) => ({ cookie: cookieOf(n) });

  const wanted = (names: string[]) => names.filter((s) => !ONLY || ONLY.includes(s));
  // Only the saves replay it: a run of pages alone does not need a browser to save first.
  const save =
    wanted(["save-scores", "floor-save", "live"]).length > 0 ? await captureSaveScores(`${app.base}${decision}/scores`, cookies[MEMBERS - 1]!) : null;
  if (save) step(`captured the browser's save: ${save.method} ${new URL(save.url).pathname}, ${save.scores} scores, ${save.body.length} bytes`);

  const pages = benchPages(seeded);
  const targets: Record<string, Target> = {
    ...Object.fromEntries(
      Object.entries(pages).map(([name, page]) => [
        name,
        { url: `${app.base}${page.path}`, headersFor: signedIn, verify: (body: string) => body.includes(page.marker) },
      ]),
    ),
    "floor-page": { url: `${floor?.base}/table`, headersFor: (n) => ({ "x-bench-member": memberOf(n).id }), verify: (body) => body.includes("100 cells") },
    ...(save ? savesOf(save) : {}),
  };
  function savesOf(save: CapturedSave): Record<string, Target> {
    return {
      "save-scores": {
        url: save.url,
        method: save.method,
        body: save.body,
        headersFor: (n) => ({ ...save.headers, ...signedIn(n) }),
        verify: (body) => body.includes('"ok":true'),
      },
      "floor-save": {
        url: `${floor?.base}/save`,
        method: "POST",
        body: save.body,
        headersFor: (n) => ({ "content-type": save.headers["content-type"]!, "x-bench-member": memberOf(n).id }),
        verify: (body) => body.includes('"ok":true'),
      },
    };
  }
  // Pages first (every save adds an event to the decision page's timeline), then the saves. At each
  // concurrency a floor is measured right after the scenarios it is the floor of, so that a
  // machine getting busier or quieter during the run moves both sides of a ratio alike.
  const groups = [wanted(["scores-page", "weights-page", "decision-page", "results-page", "team-page", "floor-page"]), wanted(["save-scores", "floor-save"])];
  const order = groups.flat();
  const warmed = new Set<string>();

  const rounds: (Measured & { scenario: string; round: number; cpu: CpuPerRequest })[] = [];
  // With several rounds, each takes every scenario of the group and its floor in turn, so a
  // passing burst of load on a shared machine lands on both sides of a ratio rather than one.
  for (const group of groups) {
    for (const connections of CONNECTIONS) {
      for (let round = 0; round < ROUNDS; round++) {
        for (const scenario of group) {
          const target = targets[scenario]!;
          if (!warmed.has(scenario) && WARM_UP > 0) await drive(target, 10, WARM_UP);
          warmed.add(scenario);
          await waitIdle(servers);
          const before = scenario === "save-scores" ? await settledSaves(db, seeded.scoring.decisionId) : 0;
          const server = scenario.startsWith("floor-") ? floor! : app;
          const cpuBefore = cpuSnapshot(server, DATABASE_NAME);
          const result = await drive(target, connections, DURATION);
          const cpu = perRequest(cpuBetween(cpuBefore, cpuSnapshot(server, DATABASE_NAME)), result.ok);
          if (scenario === "save-scores") {
            // Requests still in flight when autocannon stops may still commit: at most one per connection.
            const saved = (await settledSaves(db, seeded.scoring.decisionId)) - before;
            if (saved < result.ok || saved > result.ok + connections) {
              result.errors += Math.max(1, Math.abs(saved - result.ok));
              console.error(`  save-scores x${connections}: ${result.ok} saves answered ok but ${saved} scores.updated events were written`);
            }
          }
          rounds.push({ scenario, round, ...result, cpu });
          const d = result.detail;
          const problems = result.errors
            ? `  ERRORS ${result.errors} (non-2xx ${d.non2xx}, timeouts ${d.timeouts}, socket ${d.socketErrors}, wrong body ${d.mismatches}, no answer within the run ${d.unanswered})`
            : "";
          step(
            `${scenario} x${connections}: ${result.rps.toFixed(1)} req/s, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, CPU per request ${cpu.serverCpuMs.toFixed(1)} ms server + ${cpu.databaseCpuMs.toFixed(1)} ms PostgreSQL${problems}`,
          );
        }
      }
    }
  }
  const measured = medianRounds(rounds).sort((a, b) => order.indexOf(a.scenario) - order.indexOf(b.scenario) || a.connections - b.connections);

  // Live: a second Verdict server (instance B) on the same database; saves on the first (A).
  const liveRows: Omit<Row, "ratio">[] = [];
  if (wanted(["live"]).length > 0) {
    const second = await nextStart(ROOT, "app-b", LIVE_PORT, appEnv, "/sign-in");
    servers.push(second);
    step(`second Verdict server on ${second.base}, the same database`);
    await waitIdle(servers);
    const live = await measureLive({
      save: save!,
      cookie: cookieOf(0),
      streamUrl: `${second.base}/api${decision}/live`,
      watcherCookie: cookies[0]!,
      saves: LIVE_SAVES,
      warmUp: 5,
      timeoutMs: TIMEOUT_SECONDS * 1000,
    });
    liveRows.push({
      scenario: "live",
      connections: 1,
      rps: null,
      p50: live.p50,
      p95: live.p95,
      p99: live.p99,
      max: live.max,
      errors: live.errors,
      bytes: live.bytes,
    });
    const problems = live.errors ? `  ERRORS ${live.errors} (a save failed, or its event did not reach B within ${TIMEOUT_SECONDS} s)` : "";
    step(
      `live: ${live.saves} saves on A, each to its event on B: p50 ${live.p50.toFixed(1)} ms, p95 ${live.p95.toFixed(1)} ms, max ${live.max.toFixed(1)} ms${problems}`,
    );
  }
  if (order.includes("save-scores")) {
    const problem = await checkBallots(db, seeded.scoring.decisionId, MEMBERS);
    if (problem) {
      failed = true;
      console.error(`ballots are not consistent after the saves: ${problem}`);
    }
  }

  const floorOf = (scenario: string) => (scenario === "save-scores" || scenario === "floor-save" ? "floor-save" : "floor-page");
  const spread = roundRatioRange(rounds, floorOf);
  const rows = withRatios(
    [
      ...measured.map(({ scenario, connections, rps, p50, p95, p99, errors, bytes, cpu }) => ({
        scenario,
        connections,
        rps,
        p50,
        p95,
        p99,
        errors,
        bytes,
        ...spread.get(figureKey({ scenario, connections })),
        ...cpu,
      })),
      ...liveRows,
    ],
    floorOf,
  );
  const [pg] = (await db.execute(sql`select current_setting('server_version') as v`)) as unknown as { v: string }[];
  const m = machine(`PostgreSQL ${pg?.v ?? "?"}`);
  const perFigure =
    ROUNDS > 1 ? `the median (by req/s) of ${ROUNDS} rounds of ${DURATION} s, each scenario taken in turn with its floor,` : `${DURATION} s per measurement`;
  const settings = `${perFigure} after a ${WARM_UP} s warm-up; autocannon on the same machine; bytes are uncompressed, headers included.`;
  console.log(`\n${terminalTable(rows)}\n\nMachine: ${describeMachine(m)}\n${settings}`);
  await writeResults(rows, m, settings);
  console.log(`wrote ${path.relative(ROOT, RESULTS_FILE)} (and the README's table); the database ${DATABASE_URL} stays; total ${elapsed()}`);
  const erring = rows.filter((r) => r.errors > 0);
  if (erring.length > 0) {
    failed = true;
    console.error(`FAILED: errors in ${erring.map((r) => `${r.scenario} x${r.connections}`).join(", ")}; server logs in .data/bench-load/`);
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  for (const server of servers) await server.stop();
  await handle.close();
}
process.exit(failed ? 1 : 0);
