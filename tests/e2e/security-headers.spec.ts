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

    // Every script tag the server sent carries this response's nonce; anything else would be blocked.
    const scriptTags = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scriptTags.length).toBeGreaterThan(0);
    for (const tag of scriptTags) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
});

test("a signed-out visitor is still sent from /teams to sign in; other pages stay open", async ({ page }) => {
  await page.goto("/teams");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  const frameworks = await page.goto("/frameworks");
  expect(frameworks!.url()).toMatch(/\/frameworks$/);
});

test("a script the server did not send with the nonce is blocked, and the watch reports it", async ({ browser }) => {
  const context = await browser.newContext();
  const seen: string[] = [];
  await watchCspViolations(context, seen);
  const page = await context.newPage();
  // Plays the part of markup injected into a page: the real response, headers and all, plus a script.
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</body>", "<script>document.title = 'injected'</script></body>");
    await route.fulfill({ response, body });
  });
  await page.goto("/sign-in");
  await expect.poll(() => seen.length).toBeGreaterThan(0);
  expect(seen[0]).toMatch(/script-src/);
  expect(await page.title()).not.toBe("injected");
  await context.close();
});
