/**
 * The save-scores request exactly as a browser sends it: Chromium opens a member's score sheet
 * (prefilled with their 100 cells), presses "Save scores", and the request React and Next send is
 * recorded: the Next-Action and Next-Router-State-Tree headers and the multipart body with the 300
 * cell fields. The body names no one (the session cookie does), so every member can replay it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { ROOT } from "./servers";
import { SESSION_COOKIE } from "./sessions";

export type CapturedAction = { headers: Record<string, string>; body: Buffer; actionId: string; cellFields: number };

/** Headers the load generator sets itself, or that belong to one browser's connection. */
const DROPPED = new Set(["host", "content-length", "cookie", "connection", "accept-encoding"]);

/** The id Next gave the save-scores server action in this build. */
export function saveScoresActionId(): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).filter(([, entry]) => entry.exportedName === "saveScoresAction" && entry.filename?.endsWith("save-scores.ts"));
  if (found.length !== 1) throw new Error(`expected one saveScoresAction in the server reference manifest, found ${found.length}`);
  return found[0]![0];
}

export async function captureSaveScores(pageUrl: string, cookie: string): Promise<CapturedAction> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--disable-background-networking"] });
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: SESSION_COOKIE, value: cookie.slice(SESSION_COOKIE.length + 1), url: pageUrl }]);
    const page = await context.newPage();
    await page.goto(pageUrl, { waitUntil: "networkidle" });
    const posted = page.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined);
    await page.getByRole("button", { name: "Save scores" }).click();
    const request = await posted;
    const response = await request.response();
    if (response?.status() !== 200) throw new Error(`the browser's own save answered ${response?.status()}`);
    // The sheet says so once the action's answer has arrived (its body is gone by then: the router consumed it).
    await page.getByText(/scores are saved/).waitFor({ timeout: 15_000 });
    const all = await request.allHeaders();
    const headers = Object.fromEntries(Object.entries(all).filter(([name]) => !DROPPED.has(name.toLowerCase()) && !name.startsWith(":")));
    const body = request.postDataBuffer();
    if (!body) throw new Error("the browser's save carried no body");
    const cellFields = (body.toString("latin1").match(/name="[^"]*scores\.[0-9a-f-]{36}\.[0-9a-f-]{36}\.(score|comment|evidence)"/g) ?? []).length;
    const scoreFields = (body.toString("latin1").match(/name="[^"]*scores\.[0-9a-f-]{36}\.[0-9a-f-]{36}\.score"/g) ?? []).length;
    const actionId = headers["next-action"] ?? "";
    const expected = saveScoresActionId();
    if (actionId !== expected) throw new Error(`the browser sent action ${actionId}; the build's saveScoresAction is ${expected}`);
    // Every cell's score goes; a sheet leaves blank notes and links out of what it sends.
    if (scoreFields !== 100) throw new Error(`the browser's save carried ${scoreFields} scores, not 100 (${cellFields} cell fields in all)`);
    return { headers, body, actionId, cellFields };
  } finally {
    await browser.close();
  }
}
