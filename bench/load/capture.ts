/**
 * The save-scores request exactly as a browser sends it: Chromium opens a member's score sheet
 * (prefilled with their 100 cells), presses "Save scores", and the request the sheet's script sends
 * is recorded: with JavaScript, a PUT of the sheet as JSON to /api/…/scores (without it the form
 * would post its server action instead). The body names no one (the session cookie does), so every
 * member can replay it.
 */
import { chromium } from "@playwright/test";
import { SESSION_COOKIE } from "./sessions";

export type CapturedSave = { method: "POST" | "PUT"; url: string; headers: Record<string, string>; body: Buffer; scores: number };

/** Headers the load generator sets itself, or that belong to one browser's connection. */
const DROPPED = new Set(["host", "content-length", "cookie", "connection", "accept-encoding"]);

/** The scores a sheet's JSON carries: { scores: { [optionId]: { [criterionId]: { score } } } }. */
function scoresIn(body: Buffer): number {
  const sheet = JSON.parse(body.toString("utf8")) as { scores?: Record<string, Record<string, { score?: string }>> };
  return Object.values(sheet.scores ?? {}).reduce((n, byCriterion) => n + Object.values(byCriterion).filter((c) => c.score).length, 0);
}

export async function captureSaveScores(pageUrl: string, cookie: string): Promise<CapturedSave> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--disable-background-networking"] });
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: SESSION_COOKIE, value: cookie.slice(SESSION_COOKIE.length + 1), url: new URL("/", pageUrl).href }]);
    const page = await context.newPage();
    await page.goto(pageUrl, { waitUntil: "networkidle" });
    const sent = page.waitForRequest((request) => request.method() !== "GET" && new URL(request.url()).pathname.endsWith("/scores"));
    await page.getByRole("button", { name: "Save scores" }).click();
    const request = await sent;
    const response = await request.response();
    if (response?.status() !== 200) throw new Error(`the browser's own save answered ${response?.status()}`);
    await page.getByText(/scores are saved/).waitFor({ timeout: 15_000 });
    const all = await request.allHeaders();
    const headers = Object.fromEntries(Object.entries(all).filter(([name]) => !DROPPED.has(name.toLowerCase()) && !name.startsWith(":")));
    const body = request.postDataBuffer();
    if (!body) throw new Error("the browser's save carried no body");
    const scores = scoresIn(body);
    // Every cell's score goes; a sheet leaves blank notes and links out of what it sends.
    if (scores !== 100) throw new Error(`the browser's save carried ${scores} scores, not 100`);
    return { method: request.method() as CapturedSave["method"], url: request.url(), headers, body, scores };
  } finally {
    await browser.close();
  }
}
