/**
 * Lighthouse (performance and best practices, its default mobile settings) on the pages a team
 * lives in, signed in, against a production build on PostgreSQL with the demo data, beside a bare
 * Next.js page audited in the same run:
 *
 *   npm run bench:lighthouse        # database verdict_lighthouse, port 3450, the floor on 3451
 *   LIGHTHOUSE_SKIP_BUILD=1 npm run bench:lighthouse   # reuse the last builds (.next, bench/floor/.next)
 *   LIGHTHOUSE_REPORT_DIR=/tmp/lh npm run bench:lighthouse   # also keep each page's full report
 *   LIGHTHOUSE_RUNS=5 npm run bench:lighthouse   # audits per page (default 3); the median run is reported
 *   LIGHTHOUSE_PORT, LIGHTHOUSE_FLOOR_PORT, LIGHTHOUSE_DEBUG_PORT (9333), LIGHTHOUSE_DATABASE_URL
 *
 * Chromium signs in through the sign-in form like a person, with a debugging port open; Lighthouse
 * then audits each page in that same browser, so it sees the pages as the signed-in member does.
 * Prints one row per page and writes bench/results/lighthouse.json. One audit is not a measurement:
 * whether the first paint comes before or after the framework's scripts run decides whether the
 * simulated LCP includes downloading them (about 1 s either way), so each page is audited several
 * times and the run with the median performance score is the one reported, with the others' scores.
 *
 * The floor row says what a score means on this machine: without it, 95 could be Verdict's cost or
 * what any Next.js page scores here. The floor is bench/floor's /table, a production build on the
 * same next and react packages with a plain table for markup: no CSS, no client component, no auth.
 * It is that page rather than one of its own with no database because it is the floor npm run
 * bench:load already measures Verdict against, so both benches share one floor, and because it
 * does what Verdict's pages do on each request: renders dynamically and reads the member's rows
 * from this run's database (the demo member's scores on the decided decision), so its server time
 * is a data page's, not a prerendered file's. What "vs floor" shows is then Verdict's own styles,
 * scripts and server work on top of the framework's. The member arrives in the x-bench-member
 * header as in bench:load, set by Lighthouse for the floor's audits only, so the floor is unchanged.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import postgres from "postgres";
import { FLOOR_DIR, nextBuild, nextStart } from "./load/servers";
import { DEMO_MEMBER_EMAIL, demoPages, signInAsDemoMember } from "./support/demo-pages";

const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 3450);
const FLOOR_PORT = Number(process.env.LIGHTHOUSE_FLOOR_PORT ?? PORT + 1);
const DEBUG_PORT = Number(process.env.LIGHTHOUSE_DEBUG_PORT ?? 9333);
const DATABASE_URL = process.env.LIGHTHOUSE_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/verdict_lighthouse";
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ROOT = path.resolve(import.meta.dirname, "..");
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL,
  AUTH_SECRET: "lighthouse-secret-0123456789abcdef0123456789",
  AUTH_TRUST_HOST: "true",
};

function run(command: string, args: string[], extraEnv: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

const REPORT_DIR = process.env.LIGHTHOUSE_REPORT_DIR;
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const MAX_FAILED_AUDITS = 3;

/** The page audited RUNS times: the median run by performance score, and every run's score. */
async function medianAudit(label: string, url: string, extraHeaders?: Record<string, string>) {
  const runs: NonNullable<Awaited<ReturnType<typeof audit>>>[] = [];
  let failures = 0;
  while (runs.length < RUNS) {
    const run = await audit(RUNS > 1 ? `${label}-${runs.length + 1}` : label, url, extraHeaders);
    if (run) runs.push(run);
    else if (++failures > MAX_FAILED_AUDITS) throw new Error(`${url}: Lighthouse gave no performance score ${failures} times`);
  }
  const byScore = [...runs].sort((a, b) => a.performance - b.performance);
  return { ...byScore[Math.floor((byScore.length - 1) / 2)]!, runs: runs.map((r) => r.performance) };
}

async function audit(label: string, url: string, extraHeaders?: Record<string, string>) {
  const result = await lighthouse(url, {
    port: DEBUG_PORT,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "best-practices"],
    extraHeaders,
  });
  if (!result) throw new Error(`no Lighthouse result for ${url}`);
  // A page that sent the browser elsewhere (to sign in) would be measured as that other page.
  if (result.lhr.finalDisplayedUrl !== url) throw new Error(`${url} ended at ${result.lhr.finalDisplayedUrl}, not the page asked for`);
  if (REPORT_DIR) {
    // The whole report, to see where the time goes (bootup-time, long-tasks, unused-javascript...).
    mkdirSync(REPORT_DIR, { recursive: true });
    writeFileSync(path.join(REPORT_DIR, `${label}.json`), String(result.report));
  }
  const { categories, audits } = result.lhr;
  // Now and then a run ends without a score (a metric Lighthouse could not compute from the trace):
  // that is no measurement, and counting it as 0 would drag the median down. It is run again.
  if (typeof categories.performance?.score !== "number") {
    const why = result.lhr.runtimeError?.message ?? Object.values(audits).find((a) => a.errorMessage)?.errorMessage ?? "no reason given";
    console.warn(`${label}: Lighthouse gave no performance score (${why}); auditing again`);
    return null;
  }
  const failing = Object.values(audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
    .map((a) => a.id);
  return {
    performance: Math.round(categories.performance.score * 100),
    bestPractices: Math.round((categories["best-practices"]?.score ?? 0) * 100),
    lcpMs: Math.round(audits["largest-contentful-paint"]?.numericValue ?? 0),
    tbtMs: Math.round(audits["total-blocking-time"]?.numericValue ?? 0),
    cls: Number((audits["cumulative-layout-shift"]?.numericValue ?? 0).toFixed(3)),
    failing,
  };
}

/**
 * Whose scores the floor shows: the demo member's round-1 sheet on the decision where they scored
 * most (the decided one), so its table has rows to render rather than "0 cells".
 */
async function floorSheet() {
  const sql = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    const [sheet] = await sql<{ decision: string; member: string; cells: number }[]>`
      select s.decision_id as decision, s.user_id as member, count(*)::int as cells
      from scores s join users u on u.id = s.user_id
      where u.email = ${DEMO_MEMBER_EMAIL} and s.round = 1
      group by 1, 2 order by 3 desc limit 1`;
    if (!sheet) throw new Error(`the demo member ${DEMO_MEMBER_EMAIL} has no scores for the floor to show`);
    return sheet;
  } finally {
    await sql.end();
  }
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

async function main() {
  const adminUrl = Object.assign(new URL(DATABASE_URL), { pathname: "/postgres" }).toString();
  const name = new URL(DATABASE_URL).pathname.slice(1);
  run("psql", [adminUrl, "-q", "-v", "ON_ERROR_STOP=1", "-c", `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, "-c", `CREATE DATABASE "${name}"`]);
  run("npm", ["run", "--silent", "db:setup"]);
  const skipBuild = process.env.LIGHTHOUSE_SKIP_BUILD === "1";
  if (!skipBuild || !existsSync(path.join(ROOT, ".next/BUILD_ID"))) run("npx", ["next", "build"]);
  if (!skipBuild || !existsSync(path.join(FLOOR_DIR, ".next/BUILD_ID"))) {
    console.log("Building the floor (bench/floor; its log goes to .data/bench-load/lighthouse-floor-build.log)");
    await nextBuild(FLOOR_DIR, "lighthouse-floor");
  }

  const sheet = await floorSheet();
  // Both servers run in process groups of their own, stopped below or, however this process ends, by servers.ts.
  const app = await nextStart(ROOT, "lighthouse-app", PORT, { DATABASE_URL, AUTH_SECRET: env.AUTH_SECRET, AUTH_TRUST_HOST: "true" }, "/sign-in");
  const floor = await nextStart(
    FLOOR_DIR,
    "lighthouse-floor",
    FLOOR_PORT,
    { FLOOR_DATABASE_URL: DATABASE_URL, FLOOR_DECISION_ID: sheet.decision },
    "/_not-found",
  );
  const floorUrl = `${floor.base}/table`;
  const floorHeaders = { "x-bench-member": sheet.member };
  // A floor that rendered an empty table would be a lighter page than the one meant.
  const floorBody = await (await fetch(floorUrl, { headers: floorHeaders })).text();
  if (!floorBody.includes(`${sheet.cells} cells`)) throw new Error(`${floorUrl} did not render the member's ${sheet.cells} scores`);

  // Lighthouse opens its tab in the browser's default context, so the session cookie must live
  // there: a persistent context is that default context (a launched browser's contexts are not).
  const profile = mkdtempSync(path.join(os.tmpdir(), "verdict-lighthouse-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: [`--remote-debugging-port=${DEBUG_PORT}`] });
  try {
    type Row = { page: string; path: string } & Awaited<ReturnType<typeof medianAudit>>;
    const rows: Row[] = [];
    // Signed out first: the sign-in page as a newcomer sees it.
    rows.push({ page: "sign-in", path: "/sign-in", ...(await medianAudit("sign-in", `${BASE}/sign-in`)) });
    // The floor before signing in: cookies ignore ports, so afterwards Verdict's session cookie
    // would ride along with every request to the floor.
    const floorRow: Row = { page: "floor", path: "/table", ...(await medianAudit("floor", floorUrl, floorHeaders)) };
    const page = await context.newPage();
    await signInAsDemoMember(page, BASE);
    const pages = await demoPages(page, BASE);
    await page.close();
    for (const [label, pathname] of Object.entries(pages)) rows.push({ page: label, path: pathname, ...(await medianAudit(label, `${BASE}${pathname}`)) });
    const all = [floorRow, ...rows].map((r) => ({ ...r, vsFloor: r.performance - floorRow.performance }));

    console.log(
      `\nLighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, default (mobile) settings, median of ${RUNS} runs per page; ${os.cpus()[0]?.model} x${os.cpus().length}, Node ${process.version}`,
    );
    console.log(
      `floor: bench/floor's ${floorRow.path}, a bare Next.js page rendering the demo member's ${sheet.cells} scores; "vs floor" is each page's performance score minus the floor's\n`,
    );
    console.log("page       performance  vs floor  all runs        best practices  LCP ms  TBT ms  CLS    failing audits");
    for (const r of all) {
      console.log(
        `${r.page.padEnd(10)} ${String(r.performance).padStart(11)}  ${(r === all[0] ? "-" : signed(r.vsFloor)).padStart(8)}  ${r.runs.join(" ").padEnd(14)}  ${String(r.bestPractices).padStart(14)}  ${String(r.lcpMs).padStart(6)}  ${String(r.tbtMs).padStart(6)}  ${String(r.cls).padEnd(5)}  ${r.failing.join(", ") || "-"}`,
      );
    }
    mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
    writeFileSync(path.join(ROOT, "bench/results/lighthouse.json"), `${JSON.stringify(all, null, 2)}\n`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await Promise.all([app.stop(), floor.stop()]);
  }
}

await main();
