/**
 * Where a page's main-thread time goes on load, steadier than a Lighthouse score on a busy machine:
 * traces each page a few times in Chromium (no throttling) and prints the median busy time, the
 * blocking time estimated as Lighthouse's mobile simulation would count it (each task 4x slower,
 * anything past 50 ms), and the busiest kinds of work with the script or document they ran for.
 *
 * Needs a running server (e.g. the one `npm run bench:lighthouse` starts is gone after it, so start
 * `npx next start -p 3450` on the Lighthouse database) and signs in as the demo's Chen Wei:
 *
 *   MAIN_THREAD_BASE=http://127.0.0.1:3450 MAIN_THREAD_RUNS=5 npx tsx bench/main-thread.ts
 */
import { chromium, type Page } from "@playwright/test";
import { demoPages, signInAsDemoMember } from "./support/demo-pages";

const BASE = process.env.MAIN_THREAD_BASE ?? "http://127.0.0.1:3450";
const RUNS = Number(process.env.MAIN_THREAD_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SLOWDOWN = 4;

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: { url?: string } } };

const shortUrl = (url: string | undefined) => (url ? (url.split("/").pop() ?? url).slice(0, 40) : "");

async function trace(page: Page, url: string) {
  const session = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on("Tracing.dataCollected", (data) => events.push(...(data.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => session.once("Tracing.tracingComplete", () => resolve()));
  await session.send("Tracing.start", {
    categories: "toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,blink,loading",
    transferMode: "ReportEvents",
  });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(3000);
  await session.send("Tracing.end");
  await done;
  await session.detach();

  const mainThreads = events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`);
  const tasksOf = (key: string) =>
    events.filter(
      (e) => `${e.pid}:${e.tid}` === key && e.ph === "X" && (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") && (e.dur ?? 0) > 0,
    );
  const key = mainThreads.sort((a, b) => tasksOf(b).reduce((s, e) => s + e.dur!, 0) - tasksOf(a).reduce((s, e) => s + e.dur!, 0))[0]!;
  const tasks = tasksOf(key);
  const children = events.filter((e) => `${e.pid}:${e.tid}` === key && e.ph === "X" && e.name !== "RunTask" && e.name !== "ThreadControllerImpl::RunTask");
  const kinds = new Map<string, number>();
  for (const task of tasks) {
    const inside = children.filter((c) => c.ts >= task.ts && c.ts < task.ts + task.dur!);
    inside.sort((a, b) => a.ts - b.ts);
    const first = inside.find((c) =>
      [
        "EvaluateScript",
        "FunctionCall",
        "ParseHTML",
        "v8.compile",
        "Layout",
        "UpdateLayoutTree",
        "ParseAuthorStyleSheet",
        "MajorGC",
        "MinorGC",
        "TimerFire",
        "EventDispatch",
        "ResourceReceivedData",
        "XHRReadyStateChange",
      ].includes(c.name),
    );
    const label = first ? `${first.name} ${shortUrl(first.args?.data?.url)}`.trim() : "other";
    kinds.set(label, (kinds.get(label) ?? 0) + task.dur! / 1000);
  }
  const durations = tasks.map((t) => t.dur! / 1000);
  return {
    busy: durations.reduce((a, b) => a + b, 0),
    blocking: durations.reduce((a, d) => a + Math.max(0, d * SLOWDOWN - 50), 0),
    longest: Math.max(0, ...durations),
    kinds,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const results = new Map<string, Awaited<ReturnType<typeof trace>>[]>();
  // One page signed out instead (a bare Next.js page, say, for the framework's own cost).
  const only = process.env.MAIN_THREAD_URL;
  for (let i = 0; i < RUNS; i++)
    results.set(only ? "only" : "sign-in", [...(results.get(only ? "only" : "sign-in") ?? []), await trace(page, only ?? `${BASE}/sign-in`)]);
  if (only) {
    await browser.close();
    return report(results);
  }

  await signInAsDemoMember(page, BASE);
  const pages = await demoPages(page, BASE);
  for (const [label, pathname] of Object.entries(pages)) {
    for (let i = 0; i < RUNS; i++) results.set(label, [...(results.get(label) ?? []), await trace(page, `${BASE}${pathname}`)]);
  }
  await browser.close();
  report(results);
}

function report(results: Map<string, Awaited<ReturnType<typeof trace>>[]>) {
  console.log(`median of ${RUNS} loads, unthrottled; blocking = sum of (${SLOWDOWN} x task - 50 ms)`);
  console.log("page       busy ms  blocking ms  longest ms  busiest work (ms, median)");
  for (const [label, runs] of results) {
    const labels = new Set(runs.flatMap((r) => [...r.kinds.keys()]));
    const top = [...labels]
      .map((l) => [l, median(runs.map((r) => r.kinds.get(l) ?? 0))] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([l, ms]) => `${l} ${ms.toFixed(0)}`)
      .join("; ");
    console.log(
      `${label.padEnd(10)} ${median(runs.map((r) => r.busy))
        .toFixed(0)
        .padStart(7)}  ${median(runs.map((r) => r.blocking))
        .toFixed(0)
        .padStart(11)}  ${median(runs.map((r) => r.longest))
        .toFixed(0)
        .padStart(10)}  ${top}`,
    );
  }
}

await main();
