import type { Page } from "@playwright/test";
import { expect, type NewContext } from "../fixtures";
import { newPerson, SignUpPage } from "../pages/auth-pages";
import { NewDecisionPage } from "../pages/decision-pages";

// Steps the live, two-instance and notification specs share: a person joining through an invite
// link, a small decision, and a mark that tells whether a page was reloaded.

export const DESKTOP = { width: 1280, height: 800 };

/** A new person signs up from the invite link in a browser of their own and lands in the team. */
export async function joinThroughInvite(newContext: NewContext, inviteUrl: string, label: string, viewport = DESKTOP) {
  const context = await newContext({ viewport });
  const page = await context.newPage();
  const person = newPerson(label);
  await page.goto(inviteUrl);
  await page.getByRole("link", { name: "Create an account and join" }).click();
  await new SignUpPage(page).signUp(person);
  await expect(page.getByRole("heading", { name: /^Welcome to / })).toBeVisible();
  return { context, page, person };
}

/** From the team page: a new draft decision of Flask and Koa on two criteria; its address, without a query. */
export async function newSmallDecision(page: Page, title: string): Promise<string> {
  await page.getByRole("link", { name: "New decision" }).first().click();
  const form = new NewDecisionPage(page);
  await form.fill({ title, frameworks: ["Flask", "Koa"], removeCriteria: ["Popularity", "Community support", "Scalability"] });
  await form.submit();
  await expect(page.getByRole("navigation", { name: "Phases" })).toBeVisible();
  return page.url().replace(/\?.*$/, "");
}

/** Marks the page's window: still marked later means the page was never reloaded. */
export async function markLoaded(page: Page) {
  await page.evaluate(() => Object.assign(window, { liveMarker: "not reloaded" }));
}

export async function expectNotReloaded(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker)).toBe("not reloaded");
}
