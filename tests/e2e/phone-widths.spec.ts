import type { Locator, Page } from "@playwright/test";
import { expect, snapshot, test } from "./fixtures";
import { closeDb, joinTeamAs } from "./support/db";

test.afterAll(closeDb);

// Every page at phone widths scrolls only downwards: a wide table scrolls inside its card, nothing
// else is wider than the screen. Screenshots at 390 px are kept for a person to look at.

const WIDTHS = [360, 390, 414];

/**
 * The page's width at each phone width where it is wider than the screen. Loaded once, at the
 * narrowest, then resized: what depends on the width in Verdict is CSS alone (no script reads the
 * window's size), so a resized page lays out as one loaded at that width, and loading each page
 * three times cost this spec about half a minute of a two-core CI machine.
 */
async function widestAt(page: Page, path: string, name: string) {
  const overflow: Record<number, number> = {};
  await page.setViewportSize({ width: WIDTHS[0]!, height: 844 });
  await page.goto(path);
  await expect(page.getByRole("main")).toBeVisible();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scrollWidth > width) overflow[width] = scrollWidth;
    if (width === 390) await snapshot(page, `phone-${name}`);
  }
  return overflow;
}

/** Signs in as the demo team's owner, who sees every control a member row and the log have; answers the team's path. */
async function signInAsDemoOwner(page: Page): Promise<string> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("alice@example.com");
  await page.getByLabel("Password").fill("verdict-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/teams/);
  return (await page.getByRole("link", { name: "Acme Platform" }).first().getAttribute("href"))!;
}

/** How many lines an element's text takes. */
const linesOf = (element: Locator) => element.evaluate((e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)));

/** How far a table reaches past the card it scrolls in, in pixels: what a phone cuts off until scrolled. */
const cutOff = (table: Locator) => table.evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth);

test("no page is wider than a phone, signed in as the demo team's owner", async ({ page }) => {
  test.slow();
  expect(await widestAt(page, "/sign-in", "sign-in")).toEqual({});
  expect(await widestAt(page, "/sign-up", "sign-up")).toEqual({});
  expect(await widestAt(page, "/invite", "invite-without-link")).toEqual({});
  expect(await widestAt(page, "/forgot-password", "forgot-password")).toEqual({});
  expect(await widestAt(page, "/reset-password", "reset-password-without-link")).toEqual({});
  const team = await signInAsDemoOwner(page);
  await page.goto(`${team}/decisions`);
  const decided = (await page.getByRole("link", { name: "Backend framework for the payments API" }).first().getAttribute("href"))!;
  const scoring = (await page.getByRole("link", { name: "Framework for the real-time notifications service" }).first().getAttribute("href"))!;

  const pages: [string, string][] = [
    ["/teams", "teams"],
    [team, "team"],
    [`${team}/decisions`, "decision-log"],
    [`${team}/decisions/new`, "new-decision"],
    [decided, "decided"],
    [`${decided}/results`, "results"],
    [`${decided}/results/charts`, "results-charts"],
    [`${decided}/edit`, "edit-refused"],
    [scoring, "scoring"],
    [`${scoring}/weights`, "weights"],
    [`${scoring}/scores`, "scores"],
    ["/frameworks", "frameworks"],
    ["/account", "account"],
  ];
  const wide: Record<string, Record<number, number>> = {};
  for (const [path, name] of pages) {
    const overflow = await widestAt(page, path, name);
    if (Object.keys(overflow).length > 0) wide[name] = overflow;
  }
  expect(wide, "pages wider than the phone (page → width → scrollWidth)").toEqual({});
});

test("a viewer's pages, where a voter would find the sheets, are no wider than a phone", async ({ actor }) => {
  const vera = await actor("Vera");
  await joinTeamAs(vera.person.email, "Acme Platform", "viewer");
  const { page } = vera;
  await page.goto("/teams");
  const team = (await page.getByRole("link", { name: "Acme Platform" }).first().getAttribute("href"))!;
  await page.goto(`${team}/decisions`);
  const scoring = (await page.getByRole("link", { name: "Framework for the real-time notifications service" }).first().getAttribute("href"))!;
  const wide: Record<string, Record<number, number>> = {};
  for (const [path, name] of [
    [scoring, "viewer-scoring"],
    [`${scoring}/weights`, "viewer-weights"],
    [`${scoring}/scores`, "viewer-scores"],
  ] as const) {
    const overflow = await widestAt(page, path, name);
    if (Object.keys(overflow).length > 0) wide[name] = overflow;
  }
  await expect(page.getByRole("heading", { level: 1, name: "Follow the scoring" })).toBeVisible();
  expect(wide, "pages wider than the phone (page → width → scrollWidth)").toEqual({});
});

// A table may scroll inside its card (the per-criterion matrix does, and says so), but those a team
// reads most should not need to: on a phone a member's Remove button, the log's dates, the
// ranking's spread and the link to each person's scores sat past the card's edge, cut off.
test("on a phone the team's members, the decision log, the ranking and the people on the results fit their cards, nothing cut off", async ({ page }) => {
  const team = await signInAsDemoOwner(page);
  const cut: Record<string, number> = {};
  const lines: Record<string, number> = {};
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto(team);
    const members = page.getByRole("table", { name: "Team members" });
    await expect(members.getByRole("button", { name: /^Remove / }).first()).toBeVisible();
    cut[`members at ${width}`] = await cutOff(members);
    // Names and addresses keep most of the row: the addresses were broken mid-word ("alice@exampl",
    // "e.com") when the role column took half of it.
    for (const email of ["alice@example.com", "bilal@example.com", "chen@example.com"]) {
      lines[`${email} at ${width}`] = await linesOf(members.getByText(email, { exact: true }));
    }
    await page.goto(`${team}/decisions`);
    const log = page.getByRole("table", { name: /^All decisions/ });
    await expect(log.getByRole("link", { name: "Backend framework for the payments API" })).toBeVisible();
    await expect(log).toContainText("Decided");
    cut[`log at ${width}`] = await cutOff(log);
    await log.getByRole("link", { name: "Backend framework for the payments API" }).click();
    await page.getByRole("link", { name: "See the results" }).first().click();
    const ranking = page.getByRole("table", { name: "Weighted ranking" });
    await expect(ranking.getByRole("row").nth(1)).toContainText("NestJS");
    cut[`ranking at ${width}`] = await cutOff(ranking);
    const people = page.getByRole("table", { name: "Each person’s weights and scores" });
    await expect(people).toContainText("Bilal Haddad");
    cut[`people at ${width}`] = await cutOff(people);
  }
  expect(cut).toEqual(Object.fromEntries(Object.keys(cut).map((k) => [k, 0])));
  expect(lines).toEqual(Object.fromEntries(Object.keys(lines).map((k) => [k, 1])));
  // The name itself opens the person's weights and scores, in the visible width.
  await page.getByRole("table", { name: "Each person’s weights and scores" }).getByRole("link", { name: "Bilal Haddad (weights and scores)" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Bilal Haddad" })).toBeInViewport();
});

// The profile (radar) chart scales with the phone's width; its box should too, not keep its full height
// with the drawing floating in blank space above and below it.
test("on a phone the profile chart's box is no taller than its drawing", async ({ page }) => {
  const team = await signInAsDemoOwner(page);
  await page.goto(`${team}/decisions`);
  const decided = (await page.getByRole("link", { name: "Backend framework for the payments API" }).first().getAttribute("href"))!;
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto(`${decided}/results/charts`);
    const figure = page.getByRole("figure", { name: "Profile of the top options" });
    const chart = figure.getByRole("img", { name: /^Mean scores from 1 to 5/ });
    const box = (await chart.boundingBox())!;
    // The drawing's own frame (its viewBox), scaled to the box's width.
    const [, , frameWidth, frameHeight] = (await chart.locator("svg").getAttribute("viewBox"))!.split(" ").map(Number);
    expect(box.height, `at ${width} px`).toBeLessThanOrEqual(Math.ceil((box.width * frameHeight!) / frameWidth!) + 1);
  }
});
