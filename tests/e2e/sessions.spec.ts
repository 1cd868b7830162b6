import type { Browser, BrowserContext, Cookie } from "@playwright/test";
import { expect, snapshot, test } from "./fixtures";
import { AccountPage } from "./pages/account-pages";
import { type Person, SignInPage, signOut } from "./pages/auth-pages";

/** Opens a fresh browser that carries only the given cookies, as someone who copied them would. */
async function replay(browser: Browser, cookies: Cookie[]): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  return context;
}

/** A second browser where the same person signs in, like their phone next to their laptop. */
async function secondDevice(browser: Browser, person: Person, viewport?: { width: number; height: number }) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(person.email, person.password);
  await expect(page.getByRole("heading", { name: "Your teams" })).toBeVisible();
  return { context, page };
}

async function expectSignedOut(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto("/teams");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in to Verdict" })).toBeVisible();
  await page.close();
}

async function expectSignedIn(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto("/teams");
  await expect(page.getByRole("heading", { name: "Your teams" })).toBeVisible();
  await page.close();
}

test("a session cookie copied before sign-out does not work after it", async ({ actor, browser }) => {
  const { page } = await actor("Replay");
  const copied = await page.context().cookies();
  await signOut(page);

  const stolen = await replay(browser, copied);
  await expectSignedOut(stolen);
  await stolen.close();
});

test("the account page lists both sessions and signs out of every device", async ({ actor, browser }) => {
  const { person, page } = await actor("Everywhere");
  const phone = await secondDevice(browser, person, { width: 390, height: 844 });
  const copied = await page.context().cookies();

  const account = new AccountPage(page);
  await account.open();
  await expect(page.getByRole("region", { name: "Profile" })).toContainText(person.email);
  await expect(account.sessions()).toHaveCount(2);
  await expect(account.sessions().filter({ hasText: "This browser" })).toHaveCount(1);
  await snapshot(page, "account");
  const phoneAccount = new AccountPage(phone.page);
  await phoneAccount.open();
  await snapshot(phone.page, "account-390");

  await account.signOutEverywhere();

  await expectSignedOut(phone.context);
  const stolen = await replay(browser, copied);
  await expectSignedOut(stolen);
  await Promise.all([stolen.close(), phone.context.close()]);
});

test("one other session can be signed out from the list", async ({ actor, browser }) => {
  const { person, page } = await actor("Single");
  const laptop = await secondDevice(browser, person);
  const account = new AccountPage(page);
  await account.open();

  await account
    .sessions()
    .filter({ hasNotText: "This browser" })
    .getByRole("button", { name: /^Sign out/ })
    .click();

  await expect(account.sessions()).toHaveCount(1);
  await expectSignedOut(laptop.context);
  await expectSignedIn(page.context());
  await laptop.context.close();
});

test("changing the password ends the other sessions, keeps this one, and the new password works", async ({ actor, browser }) => {
  const { person, page } = await actor("Rotate");
  const other = await secondDevice(browser, person);
  const account = new AccountPage(page);
  await account.open();
  await expect(account.sessions()).toHaveCount(2);

  await account.changePassword("not my password", "a brand new passphrase");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Your password was not changed.");
  await expect(page.getByText("That is not your current password")).toBeVisible();

  await account.changePassword(person.password, "a brand new passphrase", "a different passphrase");
  await expect(page.getByText("The two new passwords do not match")).toBeVisible();

  await account.changePassword(person.password, "a brand new passphrase");
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Your password is changed, and every other session is signed out.");
  await expect(account.sessions()).toHaveCount(1);
  await snapshot(page, "account-password-changed");

  await expectSignedOut(other.context);
  await expectSignedIn(page.context());

  const fresh = await browser.newContext();
  const signIn = new SignInPage(await fresh.newPage());
  await signIn.goto();
  await signIn.signIn(person.email, person.password);
  await expect(signIn.alert()).toHaveText("That email and password do not match an account.");
  await signIn.signIn(person.email, "a brand new passphrase");
  await expect(signIn.page.getByRole("heading", { name: "Your teams" })).toBeVisible();
  await Promise.all([fresh.close(), other.context.close()]);
});
