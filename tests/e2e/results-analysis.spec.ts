import { readFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import type { Page } from "@playwright/test";
import { type Actor, expect, snapshot, test } from "./fixtures";
import { SignInPage } from "./pages/auth-pages";
import { DecisionPage, NewDecisionPage, saveScores, saveWeights } from "./pages/decision-pages";
import { expectAxeClean } from "./support/axe";

async function openDemoResults(page: Page) {
  await new SignInPage(page).goto();
  await new SignInPage(page).signIn("alice@example.com", "verdict-demo");
  await page.getByRole("link", { name: "Acme Platform" }).click();
  await page.getByRole("link", { name: "Backend framework for the payments API" }).first().click();
  await page.getByRole("link", { name: "See the results", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Results" })).toBeVisible();
}

test("the results page explains the win: sensitivity, a what-if that recomputes in the browser, and charts a link away", async ({ page }) => {
  await openDemoResults(page);
  for (const heading of ["How solid is the result?", "What if the weights were different?"]) {
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  }
  await expect(page.getByRole("region", { name: "How solid is the result?" })).toContainText("random weightings");

  const whatIf = page.getByRole("region", { name: "What if the weights were different?" });
  const ranking = whatIf.getByRole("list", { name: "Ranking with these weights" });
  await expect(ranking.getByRole("listitem").first()).toContainText("NestJS");
  // Team expertise is what carries NestJS; without it, and with scalability dominant, Spring Boot leads.
  await whatIf.getByLabel("Team expertise").fill("0");
  await whatIf.getByLabel("Scalability").fill("100");
  await expect(ranking.getByRole("listitem").first()).toContainText("Spring Boot");
  await expect(whatIf).toContainText("nothing is saved");
  await snapshot(page, "results-what-if");
  const reset = whatIf.getByRole("button", { name: "Reset to the group’s weights" });
  await reset.focus();
  await page.keyboard.press("Enter");
  await expect(ranking.getByRole("listitem").first()).toContainText("NestJS");
  // Nothing left to reset, and the keyboard is still where it was.
  await expect(reset).toHaveAttribute("aria-disabled", "true");
  await expect(reset).toBeFocused();

  await page.reload();
  await snapshot(page, "results-light");
  await expectAxeClean(page);

  await page.getByRole("link", { name: "See the charts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Results charts" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "What each option’s score is made of" }).getByRole("img")).toBeVisible();
  await expect(page.getByRole("figure", { name: "Where the team splits" })).toContainText("NestJS");
  await snapshot(page, "results-charts-light");
  await expectAxeClean(page);
});

/** The bytes a page's document takes on the wire: status line and headers, and the body as compressed. */
async function bytesOnTheWire(url: string, cookie: string) {
  return new Promise<{ status: number; bytes: number }>((resolve, reject) => {
    const request = httpRequest(url, { headers: { cookie, "accept-encoding": "gzip" } }, (response) => {
      let bytes = `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n`.length + 2;
      for (let i = 0; i < response.rawHeaders.length; i += 2) bytes += `${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}\r\n`.length;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
    });
    request.on("error", reject);
    request.end();
  });
}

test("the results document arrives in the first round trip of a slow phone connection", async ({ page }) => {
  await openDemoResults(page);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const { status, bytes } = await bytesOnTheWire(page.url(), cookie);
  expect(status).toBe(200);
  // A new connection's first round trip carries ten segments, about 14.6 KB (the figure Lighthouse
  // simulates a phone with): a larger document costs every paint one more round trip. With the
  // charts inline it was 14.8 KB.
  expect(bytes).toBeLessThanOrEqual(14 * 1024);
});

test("the results page reads well in dark mode", async ({ newContext }) => {
  const context = await newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await openDemoResults(page);
  await snapshot(page, "results-dark");
  await expectAxeClean(page);
  await page.getByRole("link", { name: "See the charts" }).click();
  await expect(page.getByRole("figure", { name: "What each option’s score is made of" }).getByRole("img")).toBeVisible();
  await snapshot(page, "results-charts-dark");
  await expectAxeClean(page);
  await context.close();
});

test("the charts are drawn before any script has run, and without JavaScript", async ({ page, newContext }) => {
  await openDemoResults(page);
  const context = await newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await context.addCookies(await page.context().cookies());
  const noScript = await context.newPage();
  await noScript.goto(`${page.url()}/charts`);
  await expect(noScript.getByRole("heading", { level: 1, name: "Results charts" })).toBeVisible();
  // Drawn, not a placeholder waiting for a script: each box holds its chart's own marks.
  const marks = {
    "What each option’s score is made of": "span[style*='linear-gradient']",
    "Profile of the top options": "svg polygon, svg path",
    "Weights: each member and the group": "span[style*='--weight-bar']",
  };
  for (const [chart, mark] of Object.entries(marks)) {
    const drawing = noScript.getByRole("figure", { name: chart }).getByRole("img").first();
    await expect(drawing, chart).toBeVisible();
    await expect(drawing.locator(mark).first(), chart).toBeVisible();
  }
  await expect(noScript.getByText("Loading chart")).toHaveCount(0);
  await snapshot(noScript, "results-charts-no-js");
  await context.close();
});

test("exports download as MADR, JSON and CSV, the same bytes every time", async ({ page }) => {
  await openDemoResults(page);
  await page.getByRole("link", { name: "← Backend framework for the payments API" }).click();
  const exports = page.getByRole("region", { name: "Export" });
  const download = async (name: string) => {
    const [file] = await Promise.all([page.waitForEvent("download"), exports.getByRole("link", { name }).click()]);
    return { name: file.suggestedFilename(), text: await readFile((await file.path())!, "utf8") };
  };
  const madr = await download("Decision record (Markdown)");
  expect(madr.name).toMatch(/^\d{4}-backend-framework-for-the-payments-api\.md$/);
  expect(madr.text).toMatch(/^---\nstatus: "?accepted"?\n/);
  expect(madr.text).toContain("## Decision Outcome");
  expect(madr.text).toContain("NestJS");
  const json = await download("Whole decision (JSON)");
  expect(JSON.parse(json.text)).toMatchObject({ schema: "verdict.decision", version: 1 });
  const again = await download("Whole decision (JSON)");
  expect(again.text).toBe(json.text);
  const csv = await download("Scores (CSV)");
  expect(csv.text.split("\n")[0]).toContain("option");
  expect(csv.text).toContain("Chen Wei");
});

test("a second scoring round re-scores with the first round in view and shows how the ranking moved", async ({ actor }) => {
  test.slow();
  const ray: Actor = await actor("Ray");
  await ray.teams.createTeam("Round trippers");
  await ray.page.getByRole("link", { name: "New decision" }).first().click();
  const form = new NewDecisionPage(ray.page);
  await form.fill({ title: "Queue worker framework", frameworks: ["Flask", "Koa"], removeCriteria: ["Popularity", "Community support", "Scalability"] });
  await form.submit();
  const decision = new DecisionPage(ray.page);
  await decision.advance("Open weighting", "Weighting");
  await ray.page.getByRole("link", { name: "Weight the criteria" }).click();
  await saveWeights(ray.page, { "Project requirements": 5, "Team expertise": 5 });
  await ray.page.getByRole("link", { name: "← Queue worker framework" }).click();
  await decision.advance("Close weighting and open scoring", "Scoring");
  await ray.page.getByRole("link", { name: "Score the options" }).click();
  await saveScores(ray.page, { Flask: { "Project requirements": 4, "Team expertise": 4 }, Koa: { "Project requirements": 2, "Team expertise": 3 } });
  await ray.page.getByRole("link", { name: "← Queue worker framework" }).click();
  await decision.advance("Close scoring and reveal results", "Revealed");

  ray.page.once("dialog", (dialog) => dialog.accept());
  await ray.page.getByRole("button", { name: "Open another scoring round" }).click();
  await expect(decision.currentPhase()).toContainText("Scoring");
  await expect(ray.page.getByText("Round 2", { exact: true })).toBeVisible();
  await ray.page.getByRole("link", { name: "Score the options" }).click();
  await expect(ray.page.getByRole("heading", { level: 1, name: "Score the options: round 2" })).toBeVisible();
  await expect(ray.page.getByText("Round 1:").first()).toBeVisible();
  await expect(ray.page.getByLabel("Project requirements score for Flask", { exact: true })).toHaveValue("4");
  await snapshot(ray.page, "scores-round-2");
  await saveScores(ray.page, { Flask: { "Project requirements": 2, "Team expertise": 2 }, Koa: { "Project requirements": 5, "Team expertise": 5 } });
  await ray.page.getByRole("link", { name: "← Queue worker framework" }).click();
  await decision.advance("Close scoring and reveal results", "Revealed");
  await ray.page.getByRole("link", { name: "See the results", exact: true }).click();
  const moved = ray.page.getByRole("region", { name: "How the ranking moved between rounds" });
  await expect(moved).toContainText("Koa moved from #2 to #1");
  await expect(ray.page.getByRole("region", { name: "Weighted ranking" }).getByRole("row").nth(1)).toContainText("Koa");
  await snapshot(ray.page, "results-rounds");
});
