import { expect, snapshot, test } from "./fixtures";

// Next's server actions take at most 1 MB; these bodies are comfortably over it.
const OVER_LIMIT = "x".repeat(1_200_000);
const TOO_LARGE = /This form is too large to send/;

test("with JavaScript, a form over the size limit is stopped in the page with a clear message", async ({ actor }) => {
  const { page } = await actor("Bulky");
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  const name = page.getByLabel("Team name");
  await name.evaluate((input: HTMLInputElement, value) => {
    input.value = value;
  }, OVER_LIMIT);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(TOO_LARGE);
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  expect(posts).toEqual([]);
  await snapshot(page, "form-too-large-with-javascript");
  // What was typed is still there to shorten.
  expect(await name.evaluate((input: HTMLInputElement) => input.value.length)).toBe(OVER_LIMIT.length);
});

test("without JavaScript, a form over the size limit gets a 413 page that says why and leads back", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("someone@example.test");
  await page.getByLabel("Password").fill(OVER_LIMIT);
  const answer = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/sign-in"));
  await page.getByRole("button", { name: "Sign in" }).click();
  expect((await answer).status()).toBe(413);
  await expect(page.getByRole("heading", { name: "That form was too large to send" })).toBeVisible();
  await expect(page.getByText(TOO_LARGE)).toBeVisible();
  await snapshot(page, "form-too-large-without-javascript");
  await page.getByRole("link", { name: "Back to the form" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await context.close();
});

test("an action called directly with an oversized body gets a 413 with the message, not a 500", async ({ request }) => {
  // The sign-in action's id, from the no-JavaScript fallback fields of the served page.
  const html = await (await request.get("/sign-in")).text();
  const actionId = /&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html)?.[1];
  expect(actionId).toBeTruthy();
  const response = await request.post("/sign-in", {
    headers: { "next-action": actionId!, accept: "text/x-component" },
    multipart: { email: "someone@example.test", password: OVER_LIMIT },
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toMatch(TOO_LARGE);
});
