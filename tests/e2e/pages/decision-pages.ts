import { expect, type Page } from "@playwright/test";

export type NewDecision = {
  title: string;
  context?: string;
  frameworks: string[];
  removeCriteria?: string[];
  addCriterion?: { name: string; description?: string };
};

export class NewDecisionPage {
  constructor(readonly page: Page) {}

  async fill(decision: NewDecision) {
    const { page } = this;
    await page.getByLabel("Title").fill(decision.title);
    if (decision.context) await page.getByLabel("Context").fill(decision.context);
    for (const name of decision.frameworks) await page.getByRole("checkbox", { name: new RegExp(`^${name}\\b`) }).check();
    for (const name of decision.removeCriteria ?? []) await page.getByRole("button", { name: `Remove criterion ${name}` }).click();
    if (decision.addCriterion) {
      await page.getByRole("button", { name: "Add criterion" }).click();
      const row = page.getByRole("group", { name: /^Criterion \d+$/ }).last();
      await row.getByLabel("Name").fill(decision.addCriterion.name);
      if (decision.addCriterion.description) await row.getByLabel("Description (optional)").fill(decision.addCriterion.description);
    }
  }

  async submit() {
    await this.page.getByRole("button", { name: "Create decision" }).click();
  }
}

export class DecisionPage {
  constructor(readonly page: Page) {}

  async advance(label: RegExp | string, phase: "Weighting" | "Scoring" | "Revealed") {
    this.page.once("dialog", (dialog) => dialog.accept());
    await this.page.getByRole("button", { name: label }).click();
    await expect(this.currentPhase()).toContainText(phase);
  }

  currentPhase() {
    return this.page.getByRole("navigation", { name: "Phases" }).locator('[aria-current="step"]');
  }

  progress() {
    return this.page.getByRole("region", { name: "Progress" });
  }

  timeline() {
    return this.page.getByRole("region", { name: "Timeline" });
  }
}

/** Sets each criterion's weight on the weights page and saves. */
export async function saveWeights(page: Page, weights: Record<string, number>) {
  for (const [criterion, value] of Object.entries(weights)) await page.getByLabel(criterion, { exact: true }).fill(String(value));
  await page.getByRole("button", { name: "Save weights" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Your weights are saved" })).toBeVisible();
}

/** scores[option][criterion] = 1..5; saves the sheet. */
export async function saveScores(page: Page, scores: Record<string, Record<string, number>>) {
  for (const [option, byCriterion] of Object.entries(scores)) {
    for (const [criterion, value] of Object.entries(byCriterion)) {
      await page.getByLabel(`${criterion} score for ${option}`, { exact: true }).selectOption(String(value));
    }
  }
  await page.getByRole("button", { name: "Save scores" }).click();
  await expect(
    page
      .getByRole("main")
      .getByRole("status")
      .filter({ hasText: /scores? (is|are) saved/ }),
  ).toBeVisible();
}
