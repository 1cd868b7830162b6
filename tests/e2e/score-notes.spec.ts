import type { Page } from "@playwright/test";
import { expect, snapshot, test } from "./fixtures";
import { DecisionPage, saveScores, saveWeights } from "./pages/decision-pages";
import { newSmallDecision } from "./support/team-setup";

// A score sheet sends the note fields of the cells that have a note; an empty note's fields are
// made when it is opened. Notes still reach the server from every path: opened with JavaScript
// (and closed again before saving), and without JavaScript through the sheet with every note field.

const SHEET = { Flask: { "Project requirements": 4, "Team expertise": 5 }, Koa: { "Project requirements": 3, "Team expertise": 2 } };
/** Comment fields in the page, open or not. */
const comments = (page: Page) => page.locator('textarea[name$=".comment"]');

async function scoringDecision(page: Page, title: string) {
  const decisionUrl = await newSmallDecision(page, title);
  const decision = new DecisionPage(page);
  await decision.advance("Open weighting", "Weighting");
  await page.getByRole("link", { name: "Weight the criteria" }).click();
  await saveWeights(page, { "Project requirements": 8, "Team expertise": 3 });
  await page.goto(decisionUrl);
  await decision.advance("Close weighting and open scoring", "Scoring");
  return decisionUrl;
}

test("with JavaScript, a cell's note fields appear when its note is opened, and what is typed is saved even after closing it", async ({ actor }) => {
  const ada = await actor("Ada", { viewport: { width: 390, height: 844 } });
  await ada.teams.createTeam("Notes team");
  const decisionUrl = await scoringDecision(ada.page, "Notes on demand");
  const page = ada.page;
  await page.goto(`${decisionUrl}/scores`);
  await expect(page.getByRole("button", { name: "Save scores" })).toBeVisible();
  await expect(comments(page)).toHaveCount(0);

  await page.getByLabel("Note or evidence for Koa, Team expertise").click();
  await page.getByRole("textbox", { name: "Comment on Koa, Team expertise" }).fill("Nobody here has shipped Koa.");
  await page.getByRole("textbox", { name: "Evidence link for Koa, Team expertise" }).fill("https://example.com/koa-survey");
  // A note typed and closed again is still part of the sheet.
  await page.getByLabel("Note or evidence for Flask, Project requirements").click();
  await page.getByRole("textbox", { name: "Comment on Flask, Project requirements" }).fill("Fits the small API.");
  await page.getByLabel("Note or evidence for Flask, Project requirements").click();
  await expect(page.getByRole("textbox", { name: "Comment on Flask, Project requirements" })).toBeHidden();
  await expect(comments(page)).toHaveCount(2);
  await snapshot(page, "score-notes-opened-phone");
  await saveScores(page, SHEET);

  await page.reload();
  await expect(page.getByRole("textbox", { name: "Comment on Koa, Team expertise" })).toHaveValue("Nobody here has shipped Koa.");
  await expect(page.getByRole("textbox", { name: "Evidence link for Koa, Team expertise" })).toHaveValue("https://example.com/koa-survey");
  await expect(page.getByRole("textbox", { name: "Comment on Flask, Project requirements" })).toHaveValue("Fits the small API.");
  await expect(page.getByRole("textbox", { name: "Comment on Flask, Project requirements" })).toBeVisible();
  // Only the two cells with a note carry fields; the others make theirs when opened.
  await expect(comments(page)).toHaveCount(2);
});

test("without JavaScript, the sheet points to its version with every note field, and a note written there is saved", async ({ actor, newContext }) => {
  const ada = await actor("Ada");
  await ada.teams.createTeam("No-script notes");
  const decisionUrl = await scoringDecision(ada.page, "Notes without scripts");
  const context = await newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, storageState: await ada.page.context().storageState() });
  const page = await context.newPage();
  await page.goto(`${decisionUrl}/scores`);
  await expect(comments(page)).toHaveCount(0);
  await page.getByLabel("Note or evidence for Koa, Project requirements").click();
  await snapshot(page, "score-notes-no-js-phone");
  await page.getByRole("link", { name: "Open the note fields (save your scores first)" }).click();
  expect(new URL(page.url()).searchParams.get("notes")).toBe("all");
  await expect(comments(page)).toHaveCount(4);
  await page.getByLabel("Note or evidence for Koa, Project requirements").click();
  await page.getByRole("textbox", { name: "Comment on Koa, Project requirements" }).fill("Middleware story is thin.");
  await saveScores(page, SHEET);

  await page.goto(`${decisionUrl}/scores`);
  await expect(page.getByRole("textbox", { name: "Comment on Koa, Project requirements" })).toHaveValue("Middleware story is thin.");
  await expect(comments(page)).toHaveCount(1);
  await context.close();
});
