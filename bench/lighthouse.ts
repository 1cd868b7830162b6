/**
 * Lighthouse (performance and best practices, its default mobile settings) on the pages a team
 * lives in, signed in, against a production build on PostgreSQL with the demo data:
 *
 *   npm run bench:lighthouse        # database verdict_lighthouse, port 3450
 *   LIGHTHOUSE_SKIP_BUILD=1 npm run bench:lighthouse   # reuse the last `next build`
 *   LIGHTHOUSE_REPORT_DIR=/tmp/lh npm run bench:lighthouse   # also keep each page's full report
 *   LIGHTHOUSE_RUNS=5 npm run bench:lighthouse   # audits per page (default 3); the median run is reported
 *
 * Chromium signs in through the sign-in form like a person, with a debugging port open; Lighthouse
 * then audits each page in that same browser, so it sees the pages as the signed-in member does.
 * Prints one row per page and writes bench/results/lighthouse.json. One audit is not a measurement:
 * whether the first paint comes before or after the framework's scripts run decides whether the
 * simulated LCP includes downloading them (about 1 s either way), so each page is audited several
 * times and the run with the median performance score is the one reported, with the others' scores.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import { demoPages, signInAsDemoMember } from "./support/demo-pages";

const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 3450);
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

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/sign-in`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not start");
}

const REPORT_DIR = process.env.LIGHTHOUSE_REPORT_DIR;
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));

/** The page audited RUNS times: the median run by performance score, and every run's score. */
async function medianAudit(label: string, url: string) {
  const runs: Awaited<ReturnType<typeof audit>>[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await audit(RUNS > 1 ? `${label}-${i + 1}` : label, url));
  const byScore = [...runs].sort((a, b) => a.performance - b.performance);
  return { ...byScore[Math.floor((byScore.length - 1) / 2)]!, runs: runs.map((r) => r.performance) };
}

async function audit(label: string, url: string) {
  const result = await lighthouse(url, { port: DEBUG_PORT, output: "json", logLevel: "error", onlyCategories: ["performance", "best-practices"] });
  if (!result) throw new Error(`no Lighthouse result for ${url}`);
  // A page that sent the browser elsewhere (to sign in) would be measured as that other page.
  if (result.lhr.finalDisplayedUrl !== url) throw new Error(`${url} ended at ${result.lhr.finalDisplayedUrl}, not the page asked for`);
  if (REPORT_DIR) {
    // The whole report, to see where the time goes (bootup-time, long-tasks, unused-javascript...).
    mkdirSync(REPORT_DIR, { recursive: true });
    writeFileSync(path.join(REPORT_DIR, `${label}.json`), String(result.report));
  }
  const { categories, audits } = result.lhr;
  const failing = Object.values(audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
    .map((a) => a.id);
  return {
    performance: Math.round((categories.performance?.score ?? 0) * 100),
    bestPractices: Math.round((categories["best-practices"]?.score ?? 0) * 100),
    lcpMs: Math.round(audits["largest-contentful-paint"]?.numericValue ?? 0),
    tbtMs: Math.round(audits["total-blocking-time"]?.numericValue ?? 0),
    cls: Number((audits["cumulative-layout-shift"]?.numericValue ?? 0).toFixed(3)),
    failing,
  };
}

async function main() {
  const adminUrl = Object.assign(new URL(DATABASE_URL), { pathname: "/postgres" }).toString();
  const name = new URL(DATABASE_URL).pathname.slice(1);
  run("psql", [adminUrl, "-q", "-v", "ON_ERROR_STOP=1", "-c", `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, "-c", `CREATE DATABASE "${name}"`]);
  run("npm", ["run", "--silent", "db:setup"]);
  if (process.env.LIGHTHOUSE_SKIP_BUILD !== "1" || !existsSync(path.join(ROOT, ".next/BUILD_ID"))) run("npx", ["next", "build"]);

  const server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], { cwd: ROOT, env, detached: true, stdio: "ignore" });
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  // Lighthouse opens its tab in the browser's default context, so the session cookie must live
  // there: a persistent context is that default context (a launched browser's contexts are not).
  const profile = mkdtempSync(path.join(os.tmpdir(), "verdict-lighthouse-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: [`--remote-debugging-port=${DEBUG_PORT}`] });
  try {
    await waitForServer();
    const rows: ({ page: string; path: string } & Awaited<ReturnType<typeof medianAudit>>)[] = [];
    // Signed out first: the sign-in page as a newcomer sees it.
    rows.push({ page: "sign-in", path: "/sign-in", ...(await medianAudit("sign-in", `${BASE}/sign-in`)) });
    const page = await context.newPage();
    await signInAsDemoMember(page, BASE);
    const pages = await demoPages(page, BASE);
    await page.close();
    for (const [label, pathname] of Object.entries(pages)) rows.push({ page: label, path: pathname, ...(await medianAudit(label, `${BASE}${pathname}`)) });

    console.log(
      `\nLighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, default (mobile) settings, median of ${RUNS} runs per page; ${os.cpus()[0]?.model} x${os.cpus().length}, Node ${process.version}\n`,
    );
    console.log("page       performance  all runs        best practices  LCP ms  TBT ms  CLS    failing audits");
    for (const r of rows) {
      console.log(
        `${r.page.padEnd(10)} ${String(r.performance).padStart(11)}  ${r.runs.join(" ").padEnd(14)}  ${String(r.bestPractices).padStart(14)}  ${String(r.lcpMs).padStart(6)}  ${String(r.tbtMs).padStart(6)}  ${String(r.cls).padEnd(5)}  ${r.failing.join(", ") || "-"}`,
      );
    }
    mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
    writeFileSync(path.join(ROOT, "bench/results/lighthouse.json"), `${JSON.stringify(rows, null, 2)}\n`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    stop();
  }
}

await main();
