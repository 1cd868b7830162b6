import type { Browser, BrowserContext, Cookie } from "@playwright/test";
import { expect, test } from "./fixtures";
import { SignInPage, signOut } from "./pages/auth-pages";

/** Opens a fresh browser that carries only the given cookies, as someone who copied them would. */
async function replay(browser: Browser, cookies: Cookie[]): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  return context;
}

async function expectSignedOut(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto("/teams");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in to Verdict" })).toBeVisible();
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
