import type { Page } from "@playwright/test";
import { expect, snapshot, test } from "./fixtures";
import { SignInPage } from "./pages/auth-pages";
import { expectAxeClean } from "./support/axe";
import { useSmtpReceiver } from "./support/mail-and-bell";

// Someone who forgot their password asks for a link from the sign-in page, gets it by email (at a
// real SMTP receiver on the port the server's SMTP_URL names) and chooses a new one.

const PHONE = { width: 390, height: 844 };
const NEW_PASSWORD = "a brand new passphrase";
const REQUESTED = "If an account uses that address, a link to choose a new password is on its way to it.";

test.describe.configure({ mode: "default" });
const received = useSmtpReceiver();

/** The path of the newest link emailed to `email` (the server's origin in it may be another name for this one). */
async function emailedLink(email: string, before = 0): Promise<string> {
  const mails = () => received().filter((m) => m.includes(email.toLowerCase()) && m.includes("Choose a new Verdict password"));
  await expect.poll(() => mails().length, { timeout: 15_000 }).toBeGreaterThan(before);
  const text = mails()
    .at(-1)!
    .replace(/=\r?\n/g, "");
  return new URL(text.match(/https?:\/\/\S+?\/reset-password\/[A-Za-z0-9_-]{43}/)![0]).pathname;
}

async function askForLink(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status").filter({ hasText: REQUESTED })).toBeVisible();
}

test("on a phone, a person who forgot their password chooses a new one from an emailed link, which then works no more", async ({ actor, newContext }) => {
  test.slow();
  const ana = await actor("Ana");
  const context = await newContext({ viewport: PHONE });
  const page = await context.newPage();

  await askForLink(page, ana.person.email.toUpperCase());
  await expectAxeClean(page);
  await snapshot(page, "forgot-password-sent");
  const link = await emailedLink(ana.person.email);

  await page.goto(link);
  // The token is in no page's URL: the link hands it over in a cookie and moves on.
  await expect(page).toHaveURL(/\/reset-password$/);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expect(page.getByText(ana.person.email)).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password, again").fill(`${NEW_PASSWORD}!`);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByText("The two new passwords do not match")).toBeVisible();
  await expectAxeClean(page);
  await snapshot(page, "reset-password-mismatch");
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password, again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your new password is saved" })).toBeVisible();

  // Ana is told by email that her password changed.
  await expect
    .poll(() => received().some((m) => m.includes(ana.person.email.toLowerCase()) && m.includes("Your Verdict password was changed")), { timeout: 15_000 })
    .toBe(true);

  // Every session was signed out, the one that was signed in elsewhere too.
  await ana.page.goto("/teams");
  await expect(ana.page).toHaveURL(/\/sign-in/);

  const signIn = new SignInPage(page);
  await signIn.signIn(ana.person.email, ana.person.password);
  await expect(page.getByRole("alert").filter({ hasText: "That email and password do not match an account." })).toBeVisible();
  await signIn.signIn(ana.person.email, NEW_PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "Your teams" })).toBeVisible();

  // The link worked once.
  await page.goto(link);
  await expect(page.getByText("This link to choose a new password does not work any more")).toBeVisible();
  await page.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
});

test("without JavaScript, an unknown address gets the same answer, and a link sets the password", async ({ actor, newContext }) => {
  test.slow();
  const bo = await actor("Bo");
  const context = await newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  const before = received().length;

  await askForLink(page, "nobody-uses-this@example.test");
  await askForLink(page, bo.person.email);
  const link = await emailedLink(bo.person.email);
  expect(
    received()
      .slice(before)
      .some((m) => m.includes("nobody-uses-this@example.test")),
  ).toBe(false);

  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("New password, again").fill("short");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password, again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your new password is saved" })).toBeVisible();
  await new SignInPage(page).signIn(bo.person.email, NEW_PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "Your teams" })).toBeVisible();
});

test("a mangled link says it does not work, and changes nothing", async ({ page }) => {
  await page.goto("/reset-password/not-a-real-token");
  await expect(page).toHaveURL(/\/reset-password$/);
  await expect(page.getByText("This link to choose a new password does not work any more")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save the new password" })).toHaveCount(0);
});
