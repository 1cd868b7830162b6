import { expect, test } from "./fixtures";
import { watchCspViolations } from "./support/csp-watch";

test("every page answers with the security headers, and Next's scripts carry this response's nonce", async ({ page }) => {
  for (const path of ["/sign-in", "/frameworks", "/invite/not-a-token"]) {
    const response = (await page.goto(path))!;
    const headers = response.headers();
    const policy = headers["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, `${path} has a nonce`).toBeTruthy();
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(headers).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin" });
    expect(headers["permissions-policy"]).toBeTruthy();
    expect(headers).not.toHaveProperty("strict-transport-security");

    const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  }
});

test("a signed-out visitor is still sent from /teams to sign in; other pages stay open", async ({ page }) => {
  await page.goto("/teams");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  const frameworks = await page.goto("/frameworks");
  expect(frameworks!.url()).toMatch(/\/frameworks$/);
});

test("the violation watch sees a script the policy blocks", async ({ browser }) => {
  const context = await browser.newContext();
  const seen: string[] = [];
  await watchCspViolations(context, seen);
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.evaluate(() => {
    const injected = document.createElement("script");
    injected.textContent = "document.title = 'injected'";
    document.body.append(injected);
  });
  await expect.poll(() => seen.length).toBeGreaterThan(0);
  expect(await page.title()).not.toBe("injected");
  await context.close();
});
