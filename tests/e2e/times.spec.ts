import { expect, snapshot, test } from "./fixtures";
import { DecisionPage, NewDecisionPage } from "./pages/decision-pages";

const PHONE = { width: 390, height: 844 };

test("times are written in the reader's own zone on a 24-hour clock, and the account page can fix the zone", async ({ actor }) => {
  const kai = await actor("Kai", { timezoneId: "Asia/Kolkata", viewport: PHONE });
  await kai.teams.createTeam("Clock watchers");
  const activity = kai.page.getByRole("region", { name: "Recent activity" });
  // The browser says its zone once; from then on the server writes every time in it.
  await expect(activity.locator("time").first()).toContainText("GMT+5:30");
  await expect(activity.locator("time").first()).not.toContainText(/AM|PM/);
  const teamUrl = kai.page.url().replace(/\?.*$/, "");

  await kai.page.getByRole("link", { name: "New decision" }).first().click();
  const form = new NewDecisionPage(kai.page);
  await form.fill({ title: "Scheduler", frameworks: ["Flask", "Koa"], removeCriteria: ["Popularity", "Community support", "Scalability"] });
  await form.submit();
  await new DecisionPage(kai.page).advance("Open weighting", "Weighting");
  await kai.page.getByRole("link", { name: "Weight the criteria" }).click();
  const status = kai.page
    .getByRole("main")
    .getByRole("status")
    .filter({ hasText: /submitted|saved/i });
  // Before the first save the sheet says so, rather than "All changes saved".
  await expect(status).toHaveText("Not submitted yet: nothing counts until you save.");
  await kai.page.getByLabel("Project requirements", { exact: true }).fill("7");
  await expect(kai.page.getByRole("main").getByRole("status").filter({ hasText: "unsaved" })).toHaveText("You have unsaved changes.");
  await kai.page.getByRole("button", { name: "Save weights" }).click();
  await expect(
    kai.page
      .getByRole("main")
      .getByRole("status")
      .filter({ hasText: /^Saved at/ }),
  ).toHaveText(/^Saved at \d{2}:\d{2}:\d{2}\.$/);
  await snapshot(kai.page, "weights-saved-24h-phone");
  await kai.page.reload();
  await expect(status).toHaveText("Submitted: you can change it until this phase closes.");

  await kai.page.goto("/account");
  // A zone not on the list (a hand-edited form) is refused next to the field, and nothing changes.
  await kai.page.getByLabel("Time zone").evaluate((select: HTMLSelectElement) => {
    select.add(new Option("Mars", "Mars/Olympus"));
    select.value = "Mars/Olympus";
  });
  await kai.page.getByRole("button", { name: "Save time zone" }).click();
  await expect(kai.page.getByText("Choose a time zone from the list")).toBeVisible();
  await kai.page.getByLabel("Time zone").selectOption("America/New_York");
  await kai.page.getByRole("button", { name: "Save time zone" }).click();
  await expect(kai.page.getByRole("main").getByRole("status").filter({ hasText: "Times are now" })).toHaveText("Times are now shown in America/New York.");
  await snapshot(kai.page, "account-time-zone-phone");
  await kai.page.goto(teamUrl);
  await expect(activity.locator("time").first()).toContainText("GMT-5");

  await kai.page.goto("/account");
  await kai.page.getByLabel("Time zone").selectOption("");
  await kai.page.getByRole("button", { name: "Save time zone" }).click();
  // Leaving before the answer could cancel the save: wait for it, as a person would see it.
  await expect(kai.page.getByRole("main").getByRole("status").filter({ hasText: "Times now follow" })).toHaveText("Times now follow your browser's time zone.");
  await kai.page.goto(teamUrl);
  await expect(activity.locator("time").first()).toContainText("GMT+5:30");
});

/** Counts the page's uses of Intl.DateTimeFormat, from before its own scripts run. */
const COUNT_INTL = () => {
  const Original = Intl.DateTimeFormat;
  const counted = Object.assign(window, { intlUses: 0 });
  Intl.DateTimeFormat = new Proxy(Original, {
    apply: (target, self, args) => (counted.intlUses++, Reflect.apply(target, self, args)),
    construct: (target, args) => (counted.intlUses++, Reflect.construct(target, args)),
  });
};
const intlUses = (page: import("@playwright/test").Page) => page.evaluate(() => (window as unknown as { intlUses: number }).intlUses);

test("a page loads without naming the browser's zone while the zone it told last still fits, and tells a new one", async ({ newContext }) => {
  const zoneCookie = (page: import("@playwright/test").Page) =>
    page
      .context()
      .cookies()
      .then((all) => all.find((c) => c.name === "tz")?.value);
  const sydney = await newContext({ timezoneId: "Australia/Sydney", viewport: PHONE });
  await sydney.addInitScript(COUNT_INTL);
  const page = await sydney.newPage();
  // The first visit names the zone and tells the server.
  await page.goto("/sign-in");
  await expect.poll(() => zoneCookie(page)).toBe("Australia%2FSydney");
  expect(await intlUses(page)).toBeGreaterThan(0);

  // Told already: Intl's locale data is not loaded for it on the next page loads.
  await page.goto("/frameworks");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("load");
  await page.waitForTimeout(300); // the effect runs after hydration
  expect(await intlUses(page)).toBe(0);

  // A zone told earlier that the browser has left, though it shares an offset with the new one
  // half the year (Brisbane keeps Sydney's winter time all year), is noticed and replaced.
  await sydney.addCookies([{ name: "tz", value: "Australia%2FBrisbane", url: page.url() }]);
  await page.reload();
  await expect.poll(() => zoneCookie(page)).toBe("Australia%2FSydney");
});
