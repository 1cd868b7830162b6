/**
 * A quick side-by-side measurement of the save path and the sheet pages against bare floors, in one
 * run, on one machine (the official, fuller benchmark is `npm run bench:load`).
 *
 *   npx tsx --conditions=react-server bench/save-path.ts
 *
 * Seeds a 200-member decision (10 options × 10 criteria, in scoring) on SAVE_BENCH_DATABASE_URL,
 * starts the app's production build (`.next`, built first if missing) and the floor app in
 * bench/floor (a bare Next route handler upserting one member's 100 cells in one transaction
 * with postgres.js, and a bare Next page rendering a 100-row table from one query; no auth).
 * The save request is captured once from Chromium saving the sheet, then replayed by autocannon
 * with each of the 200 members' session cookies in turn. After the save runs it checks the
 * outcome: one scores ballot and 100 scores per member, one history event per answered save.
 *
 * Settings: SAVE_BENCH_SECONDS (10), SAVE_BENCH_CONNECTIONS (10), SAVE_BENCH_SCENARIOS (all),
 * SAVE_BENCH_PROFILE=dir (the app server writes a --cpu-prof there).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import { chromium } from "@playwright/test";
import postgres from "postgres";
import { openDb } from "../db/client";
import { runMigrations } from "../db/migrate";
import { ballots, criteria, decisions, frameworks, memberships, options, scores, sessions, teams, users, weights } from "../db/schema";
import { seedCatalog } from "../db/seed";
import { hashPassword } from "../lib/auth/password";

const DB_URL = process.env.SAVE_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/verdict_load_save";
const APP_PORT = Number(process.env.SAVE_BENCH_APP_PORT ?? 3430);
const FLOOR_PORT = Number(process.env.SAVE_BENCH_FLOOR_PORT ?? 3431);
const SECONDS = Number(process.env.SAVE_BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.SAVE_BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.SAVE_BENCH_CONNECTIONS ?? 10);
const SCENARIOS = (process.env.SAVE_BENCH_SCENARIOS ?? "floor-save,save-scores,floor-page,scores-page,weights-page").split(",");
const SECRET = "save-bench-secret-0123456789abcdef0123456789";
const COOKIE = "authjs.session-token";
const MEMBERS = 200;

type Seeded = Awaited<ReturnType<typeof seed>>;

async function recreateDatabase() {
  const name = new URL(DB_URL).pathname.slice(1);
  const admin = postgres(DB_URL.replace(/\/[^/]*$/, "/postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
}

async function seed() {
  await recreateDatabase();
  const handle = await openDb({ driver: "postgres", url: DB_URL });
  await runMigrations(handle);
  const { db } = handle;
  await seedCatalog(db);
  const passwordHash = await hashPassword("bench-password");
  const people = await db
    .insert(users)
    .values(Array.from({ length: MEMBERS }, (_, i) => ({ name: `Member ${i + 1}`, email: `member${i + 1}@bench.test`, passwordHash })))
    .returning({ id: users.id, name: users.name, email: users.email });
  const [team] = await db.insert(teams).values({ name: "Bench team" }).returning();
  await db.insert(memberships).values(people.map((p, i) => ({ teamId: team!.id, userId: p.id, role: i === 0 ? ("owner" as const) : ("member" as const) })));
  const [decision] = await db
    .insert(decisions)
    .values({ teamId: team!.id, title: "Bench decision", facilitatorId: people[0]!.id, status: "scoring" })
    .returning();
  const catalog = await db.select().from(frameworks).limit(10);
  const optionRows = await db
    .insert(options)
    .values(catalog.map((f, position) => ({ decisionId: decision!.id, frameworkSlug: f.slug, name: f.name, position })))
    .returning();
  const criterionRows = await db
    .insert(criteria)
    .values(Array.from({ length: 10 }, (_, position) => ({ decisionId: decision!.id, name: `Criterion ${position + 1}`, position })))
    .returning();
  await db
    .insert(weights)
    .values(people.flatMap((p) => criterionRows.map((c, i) => ({ decisionId: decision!.id, criterionId: c.id, userId: p.id, weight: i % 11 }))));
  const cells = optionRows.flatMap((o) => criterionRows.map((c) => ({ optionId: o.id, criterionId: c.id })));
  const scoreRows = (process.env.SAVE_BENCH_FRESH ? [] : people).flatMap((p, i) =>
    cells.map((c, j) => ({ ...c, decisionId: decision!.id, userId: p.id, score: 1 + ((i + j) % 5) })),
  );
  for (let i = 0; i < scoreRows.length; i += 5000) await db.insert(scores).values(scoreRows.slice(i, i + 5000));
  // SAVE_BENCH_FRESH=1: nobody has submitted scores yet, so each member's first save is a first submission.
  const kinds = process.env.SAVE_BENCH_FRESH ? (["weights"] as const) : (["weights", "scores"] as const);
  await db.insert(ballots).values(people.flatMap((p) => kinds.map((kind) => ({ decisionId: decision!.id, userId: p.id, kind }))));
  const now = new Date();
  const sessionRows = await db
    .insert(sessions)
    .values(people.map((p) => ({ userId: p.id, createdAt: now, lastSeenAt: now, userAgent: "bench" })))
    .returning({ id: sessions.id, userId: sessions.userId });
  const cookies = await Promise.all(
    people.map(async (p) => {
      const sid = sessionRows.find((s) => s.userId === p.id)!.id;
      const token = await encode({ token: { sub: p.id, sid, name: p.name, email: p.email }, secret: SECRET, salt: COOKIE, maxAge: 86_400 });
      return `${COOKIE}=${token}`;
    }),
  );
  await handle.close();
  return { teamId: team!.id, decisionId: decision!.id, people, cookies, cells };
}

async function waitFor(url: string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer at ${url}`);
}

function start(args: string[], port: number, nodeFlags: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, "node_modules/next/dist/bin/next", "start", ...args, "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: DB_URL, AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true, // its own process group, ended as a whole below
  });
}

/** A form's request exactly as Chromium sends it to a server action when the button is clicked. */
async function captureAction(url: string, cookie: string | null, button: string, done: string) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--disable-background-networking"] });
  try {
    const context = await browser.newContext();
    if (cookie) {
      const [name, value] = cookie.split("=") as [string, string];
      await context.addCookies([{ name, value, url }]);
    }
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate(() => {
      document.querySelectorAll("select").forEach((select, i) => {
        select.value = String(1 + ((i * 7) % 5));
      });
    });
    const requestPromise = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await page.getByRole("button", { name: button }).click();
    const request = await requestPromise;
    await page.getByText(done).waitFor();
    const headers = Object.fromEntries(
      Object.entries(await request.allHeaders()).filter(([k]) => !["cookie", "host", "content-length", "accept-encoding"].includes(k) && !k.startsWith(":")),
    );
    return { path: new URL(url).pathname + new URL(url).search, headers, body: request.postDataBuffer()! };
  } finally {
    await browser.close();
  }
}

/** The save request exactly as Chromium sends it when a member saves the sheet. */
function captureSave(seeded: Seeded) {
  const url = `http://127.0.0.1:${APP_PORT}/teams/${seeded.teamId}/decisions/${seeded.decisionId}/scores`;
  return captureAction(url, seeded.cookies[0]!, "Save scores", "scores are saved");
}

type Row = { scenario: string; rps: number; p50: number; p95: number; p99: number; errors: number; bytes: number; answered: number; cpuMs: number };

/** CPU time (user + system, ms) used so far by every process in a server's process group. */
function groupCpuMs(pgid: number): number {
  const tick = 10; // USER_HZ is 100 on Linux
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ");
      if (Number(fields[2]) !== pgid) continue;
      total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

/** Runs one scenario: a short warm-up, then SECONDS of load; latencies are every answered request's. */
async function measure(scenario: string, server: ChildProcess, options: autocannon.Options, verify: (body: string) => boolean): Promise<Row> {
  await autocannon({ ...options, duration: 2, connections: CONNECTIONS });
  const latencies: number[] = [];
  const cpuBefore = groupCpuMs(server.pid!);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options_ = { ...options, duration: SECONDS, connections: CONNECTIONS, verifyBody: (body: unknown) => verify(String(body ?? "")) };
    const instance = autocannon(options_, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const cpu = groupCpuMs(server.pid!) - cpuBefore;
  latencies.sort((a, b) => a - b);
  return {
    cpuMs: latencies.length ? cpu / latencies.length : NaN,
    scenario,
    rps: result.requests.total / SECONDS,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
    bytes: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
    answered: latencies.length,
  };
}

/** Cycles through the members, one per request, so no two connections save as the same person at once. */
function rotating<T>(items: T[]) {
  let next = 0;
  return () => items[next++ % items.length]!;
}

async function checkOutcome(seeded: Seeded, answeredSaves: number) {
  const sql = postgres(DB_URL, { max: 1, onnotice: () => {} });
  try {
    const [events] = await sql`select count(*)::int as n from events where decision_id = ${seeded.decisionId} and type like 'scores.%'`;
    const perMember = await sql`
      select u.id, (select count(*)::int from ballots b where b.user_id = u.id and b.decision_id = ${seeded.decisionId} and b.kind = 'scores') as ballots,
             (select count(*)::int from scores s where s.user_id = u.id and s.decision_id = ${seeded.decisionId}) as cells
      from users u`;
    const bad = perMember.filter((m) => m.ballots !== 1 || m.cells !== 100);
    return { events: events!.n as number, answeredSaves, badMembers: bad.length };
  } finally {
    await sql.end();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * One line per scenario: medians over the rounds. The ratio is the median of each round's req/s
 * over its floor's in the same round (measured next to each other, so a busy machine slows both).
 */
function summarise(rows: Row[]) {
  const floorOf = (s: string) => (s === "save-scores" || s === "floor-action" ? "floor-save" : "floor-page");
  console.log(`\n${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s; medians over rounds`);
  console.log("scenario       req/s    p50    p95    p99  errors  bytes  cpu ms/req  ratio   (per round)");
  for (const scenario of SCENARIOS) {
    const mine = rows.filter((r) => r.scenario === scenario);
    if (mine.length === 0) continue;
    const floors = rows.filter((r) => r.scenario === floorOf(scenario));
    const ratios = scenario === floorOf(scenario) || floors.length !== mine.length ? [] : mine.map((r, i) => r.rps / floors[i]!.rps);
    const m = (key: "rps" | "p50" | "p95" | "p99" | "bytes" | "cpuMs") => median(mine.map((r) => r[key]));
    const errors = mine.reduce((sum, r) => sum + r.errors, 0);
    console.log(
      `${scenario.padEnd(13)} ${m("rps").toFixed(0).padStart(6)} ${m("p50").toFixed(0).padStart(6)} ${m("p95").toFixed(0).padStart(6)} ${m("p99").toFixed(0).padStart(6)} ${String(errors).padStart(7)} ${m("bytes").toFixed(0).padStart(6)} ${m("cpuMs").toFixed(1).padStart(11)}  ${ratios.length ? median(ratios).toFixed(2) : "    "}   ${ratios.map((x) => x.toFixed(2)).join(" ")}`,
    );
  }
}

function main() {
  return (async () => {
    const seeded = await seed();
    console.log(`seeded: ${MEMBERS} members, 10 × 10, decision ${seeded.decisionId}`);
    if (!existsSync(".next/BUILD_ID")) spawnSync("npx", ["next", "build"], { stdio: "inherit" });
    if (!existsSync("bench/floor/.next/BUILD_ID")) spawnSync("npx", ["next", "build", "bench/floor"], { stdio: "inherit" });
    const profile = process.env.SAVE_BENCH_PROFILE;
    const app = start([], APP_PORT, profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : []);
    const floor = start(["bench/floor"], FLOOR_PORT);
    const rows: Row[] = [];
    try {
      await Promise.all([waitFor(`http://127.0.0.1:${APP_PORT}/sign-in`), waitFor(`http://127.0.0.1:${FLOOR_PORT}/save`)]);
      const captured = await captureSave(seeded);
      const dump = process.env.SAVE_BENCH_DUMP;
      if (dump) {
        for (const kind of ["scores", "weights"]) {
          const response = await fetch(`http://127.0.0.1:${APP_PORT}/teams/${seeded.teamId}/decisions/${seeded.decisionId}/${kind}`, {
            headers: { cookie: seeded.cookies[2]! },
          });
          writeFileSync(`${dump}/${kind}.html`, await response.text());
        }
      }
      if (process.env.SAVE_BENCH_DEBUG) {
        const response = await fetch(`http://127.0.0.1:${APP_PORT}${captured.path}`, {
          method: "POST",
          headers: { ...captured.headers, cookie: seeded.cookies[1]! },
          body: new Uint8Array(captured.body),
        });
        console.log(response.status, `request body ${captured.body.length} bytes`, (await response.text()).slice(0, 3000));
      }
      let saves = 1; // the captured one
      let floorAction: Awaited<ReturnType<typeof captureAction>> | undefined;
      const cookie = rotating(seeded.cookies);
      const member = rotating(seeded.people.map((p) => p.id));
      const appBase = `http://127.0.0.1:${APP_PORT}`;
      const floorBase = `http://127.0.0.1:${FLOOR_PORT}`;
      const decisionPath = `/teams/${seeded.teamId}/decisions/${seeded.decisionId}`;
      for (let round = 0; round < ROUNDS; round++)
        for (const scenario of SCENARIOS) {
          if (scenario === "floor-save") {
            const body = (userId: string) =>
              JSON.stringify({ decisionId: seeded.decisionId, userId, cells: seeded.cells.map((c, i) => ({ ...c, score: 1 + (i % 5) })) });
            rows.push(
              await measure(
                scenario,
                floor,
                {
                  url: `${floorBase}/save`,
                  requests: [{ method: "POST", headers: { "content-type": "application/json" }, setupRequest: (r) => ({ ...r, body: body(member()) }) }],
                },
                (b) => b.includes('"saved":100'),
              ),
            );
          } else if (scenario === "floor-action") {
            // The same sheet through a bare server action: one captured body, its member swapped per request.
            const ids = (key: "optionId" | "criterionId") => [...new Set(seeded.cells.map((c) => c[key]))].join(",");
            const first = seeded.people[0]!.id;
            floorAction ??= await captureAction(
              `${floorBase}/action?d=${seeded.decisionId}&u=${first}&o=${ids("optionId")}&c=${ids("criterionId")}`,
              null,
              "Save",
              "100 saved",
            );
            const { path, headers, body } = floorAction;
            const text = body.toString("latin1");
            rows.push(
              await measure(
                scenario,
                floor,
                {
                  url: floorBase + path,
                  requests: [{ method: "POST", headers, setupRequest: (r) => ({ ...r, body: Buffer.from(text.replace(first, member()), "latin1") }) }],
                },
                (b) => b.includes("100 saved"),
              ),
            );
          } else if (scenario === "save-scores") {
            const row = await measure(
              scenario,
              app,
              {
                url: appBase + captured.path,
                requests: [
                  {
                    method: "POST",
                    body: captured.body,
                    setupRequest: (r) => ({ ...r, headers: { ...captured.headers, cookie: cookie() } }),
                    onResponse: () => {
                      saves++;
                    },
                  },
                ],
              },
              (b) => b.includes("scores are saved"),
            );
            rows.push(row);
            await new Promise((r) => setTimeout(r, 1000));
            const outcome = await checkOutcome(seeded, saves);
            console.log(
              `outcome: ${outcome.events} save events for ${outcome.answeredSaves} answered saves (up to ${CONNECTIONS * 2} unanswered at the ends of runs); members with other than 1 ballot and 100 cells: ${outcome.badMembers}`,
            );
          } else if (scenario === "floor-page") {
            rows.push(
              await measure(
                scenario,
                floor,
                { url: floorBase, requests: [{ method: "GET", setupRequest: (r) => ({ ...r, path: `/table?d=${seeded.decisionId}&u=${member()}` }) }] },
                (b) => (b.match(/<tr>/g)?.length ?? 0) === 100,
              ),
            );
          } else if (scenario === "scores-page" || scenario === "weights-page") {
            const kind = scenario === "scores-page" ? "scores" : "weights";
            rows.push(
              await measure(
                scenario,
                app,
                { url: `${appBase}${decisionPath}/${kind}`, requests: [{ method: "GET", setupRequest: (r) => ({ ...r, headers: { cookie: cookie() } }) }] },
                (b) => b.includes(kind === "scores" ? "Score the options" : "How much does each criterion matter?"),
              ),
            );
          }
        }
    } finally {
      for (const server of [app, floor]) {
        try {
          process.kill(-server.pid!, "SIGTERM");
        } catch {
          // already gone
        }
      }
    }
    summarise(rows);
  })();
}

await main();
