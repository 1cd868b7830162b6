import { expect, snapshot, test } from "./fixtures";
import { DecisionPage, NewDecisionPage, saveWeights } from "./pages/decision-pages";

// After saving a sheet the person sees, beside the Save button and without scrolling, that it
// worked, what happens next and where to go; a refusal shows in the same place.

const PHONE = { width: 390, height: 844 };
const FRAMEWORKS = ["Django", "Express", "Laravel", "Ruby on Rails", "Flask", "Phoenix", "NestJS", "Koa"];
const CRITERIA = ["Project requirements", "Team expertise", "Scalability", "Community support", "Popularity"];

test("on a phone, a long score sheet answers its save next to the button, says what comes next and links back", async ({ actor }) => {
  const ada = await actor("Ada", { viewport: PHONE });
  await ada.teams.createTeam("Save bar team");
  await ada.page.getByRole("link", { name: "New decision" }).first().click();
  const form = new NewDecisionPage(ada.page);
  await form.fill({ title: "Gateway framework", frameworks: FRAMEWORKS });
  await form.submit();
  await expect(ada.page.getByRole("heading", { level: 1, name: "Gateway framework" })).toBeVisible();
  const decisionUrl = ada.page.url().replace(/\?.*$/, "");
  const facilitator = new DecisionPage(ada.page);
  await facilitator.advance("Open weighting", "Weighting");

  await ada.page.getByRole("link", { name: "Weight the criteria" }).click();
  await saveWeights(ada.page, Object.fromEntries(CRITERIA.map((c, i) => [c, i + 3])));
  const bar = ada.page.getByRole("main").getByRole("status").filter({ hasText: "Your weights are saved" });
  await expect(bar).toBeInViewport();
  await expect(bar).toContainText("Scoring opens when the facilitator moves the decision on");
  await ada.page.getByRole("link", { name: "Back to the decision" }).click();
  await expect(ada.page).toHaveURL(decisionUrl);
  await facilitator.advance("Close weighting and open scoring", "Scoring");

  await ada.page.getByRole("link", { name: "Score the options" }).click();
  // 8 options × 5 criteria: the sheet is many screens long, and the last cell is the one changed.
  const lastCell = ada.page.getByLabel(`${CRITERIA.at(-1)} score for ${FRAMEWORKS.at(-1)}`, { exact: true });
  for (const [o, option] of FRAMEWORKS.entries()) {
    for (const [c, criterion] of CRITERIA.entries()) {
      if (o === FRAMEWORKS.length - 1 && c === CRITERIA.length - 1) continue;
      await ada.page.getByLabel(`${criterion} score for ${option}`, { exact: true }).selectOption(String(((o + c) % 5) + 1));
    }
  }
  // Saved with one cell blank, the answer says what a blank means.
  await ada.page.getByRole("button", { name: "Save scores" }).click();
  await expect(
    ada.page.getByRole("main").getByRole("status").filter({ hasText: "Your 39 scores are saved; 1 cell left blank counts as missing, not zero." }),
  ).toBeInViewport();
  await lastCell.selectOption("2");
  // Saved from the keyboard, the button keeps the focus: the person is where they were.
  const save = ada.page.getByRole("button", { name: "Save scores" });
  await save.focus();
  await ada.page.keyboard.press("Enter");
  const saved = ada.page.getByRole("main").getByRole("status").filter({ hasText: "Your 40 scores are saved" });
  await expect(saved).toBeInViewport();
  await expect(saved).toContainText("Everyone’s scores stay sealed until the facilitator reveals the results");
  await expect(save).toBeFocused();
  await expect(ada.page.getByRole("link", { name: "Back to the decision" })).toBeInViewport();
  await expect(ada.page.getByRole("link", { name: "Your teams and other votes" })).toBeInViewport();
  await snapshot(ada.page, "scores-saved-next-step-phone");
  await ada.page.screenshot({ path: "tests/e2e/.screenshots/scores-saved-next-step-phone-viewport.png" });
  await ada.page.setViewportSize({ width: 1280, height: 800 });
  await expect(saved).toBeInViewport();
  await ada.page.screenshot({ path: "tests/e2e/.screenshots/scores-saved-next-step-desktop-viewport.png" });
  await ada.page.setViewportSize(PHONE);

  // Scoring closes in another tab while the sheet is open: the refusal shows by the button too.
  const other = await ada.page.context().newPage();
  await other.goto(decisionUrl);
  await new DecisionPage(other).advance(/Close scoring and reveal/, "Revealed");
  await ada.page.getByLabel(`Popularity score for Koa`, { exact: true }).selectOption("1");
  await ada.page.getByRole("button", { name: "Save scores" }).click();
  const refused = ada.page
    .getByRole("main")
    .getByRole("alert")
    .filter({ hasText: /can only be saved during scoring/ });
  await expect(refused).toBeInViewport();
  await expect(ada.page.getByText("You have scored 40 of 40 cells.")).toBeVisible();
  await expect(ada.page.getByRole("main").getByRole("status").filter({ hasText: "unsaved" })).toBeVisible();
  await ada.page.screenshot({ path: "tests/e2e/.screenshots/scores-refused-phone-viewport.png" });

  await ada.page.setViewportSize({ width: 1280, height: 800 });
  await ada.page.reload();
  await expect(ada.page.getByRole("button", { name: "Save scores" })).toHaveCount(0);
});
