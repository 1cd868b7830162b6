import type { Page } from "@playwright/test";
import { E2E_WEBHOOK_PORT } from "../../playwright.config";
import { verifyWebhookSignature } from "../../lib/domain/webhook-signature";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import { expect, snapshot, test } from "./fixtures";
import { newPerson, SignUpPage } from "./pages/auth-pages";
import { expectAxeClean } from "./support/axe";
import { DESKTOP, joinThroughInvite, newSmallDecision } from "./support/team-setup";

// An owner adds a webhook pointing at a receiver started here; a member's new decision arrives
// signed; with the receiver down the next one fails, and once it is back the retry delivers it.
// The server runs with ALLOW_PRIVATE_WEBHOOKS=true and WEBHOOK_RETRY_BASE_MS=1000 (playwright.config.ts).

const PHONE = { width: 390, height: 844 };
const RECEIVER_PATH = "/verdict-hook";

// One receiver on one port: the file's tests run in order, in one worker.
test.describe.configure({ mode: "default" });
let receiver: WebhookReceiver | undefined;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver(E2E_WEBHOOK_PORT);
});
test.afterAll(async () => {
  await receiver?.close();
});

const requestsFor = (title: string) => receiver!.received.filter((r) => r.path === RECEIVER_PATH && r.body.includes(JSON.stringify(title).slice(1, -1)));
const logRows = (page: Page) => page.getByRole("table", { name: "Delivery log" }).getByRole("row");

test("an owner's webhook receives a member's decision signed, and again after the receiver was down", async ({ actor, newContext }) => {
  test.slow();
  const owner = await actor("Wen", { viewport: DESKTOP });
  const team = await owner.teams.createTeam(`Hooked team ${Date.now()}`);
  const inviteUrl = await team.createInvite({ role: "member" });
  const member = await joinThroughInvite(newContext, inviteUrl, "Mira");

  // The owner adds the webhook from the team page's link.
  await owner.page.getByRole("link", { name: "Manage webhooks" }).click();
  await expect(owner.page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  const form = owner.page.getByRole("region", { name: "Add a webhook" });
  await form.getByLabel("Address (URL)").fill(`http://127.0.0.1:${E2E_WEBHOOK_PORT}${RECEIVER_PATH}`);
  await form.getByRole("radio", { name: "Plain JSON" }).check();
  await form.getByRole("checkbox", { name: "A decision is created" }).check();
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(owner.page.getByRole("status").filter({ hasText: "Copy its secret now" })).toBeVisible();
  const secret = await owner.page.getByLabel("Signing secret").inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  await form.screenshot({ path: "tests/e2e/.screenshots/webhooks-secret-shown-once.png" });
  const hooks = owner.page.getByRole("region", { name: "Webhooks of this team" });
  await expect(hooks.getByRole("heading", { name: `127.0.0.1:${E2E_WEBHOOK_PORT}${RECEIVER_PATH}` })).toBeVisible();
  // Reloaded, the secret is gone from the page for good.
  await owner.page.reload();
  await expect(owner.page.getByLabel("Signing secret")).toHaveCount(0);
  expect(await owner.page.content()).not.toContain(secret);

  // A member's action makes an event; the worker posts it, signed.
  const first = `Queue broker ${Date.now()}`;
  const teamPath = new URL(owner.page.url()).pathname.replace(/\/webhooks$/, "");
  await member.page.goto(teamPath);
  const firstUrl = await newSmallDecision(member.page, first);
  await expect.poll(() => requestsFor(first).length, { timeout: 15_000 }).toBe(1);
  const request = requestsFor(first)[0]!;
  const timestamp = request.headers["x-verdict-timestamp"] as string;
  const signature = request.headers["x-verdict-signature"] as string;
  expect(verifyWebhookSignature({ secret, timestamp, signature, body: request.body })).toBe(true);
  expect(verifyWebhookSignature({ secret, timestamp, signature, body: request.body.replace("Queue", "Cache") })).toBe(false);
  const body = JSON.parse(request.body) as { url: string };
  expect(body).toMatchObject({ type: "decision.created", actor: { name: member.person.name }, decision: { title: first } });
  // Links start with AUTH_URL's origin, or the server's own (localhost) when it is unset, as in emails.
  expect(new URL(body.url).pathname).toBe(new URL(firstUrl).pathname);

  // The receiver goes down; the next event fails, and is tried again once it is back.
  await receiver!.close();
  receiver = undefined;
  const second = `Cache layer ${Date.now()}`;
  await member.page.goto(teamPath);
  await newSmallDecision(member.page, second);
  await expect(async () => {
    await owner.page.reload();
    await expect(logRows(owner.page).filter({ hasText: "connection refused" }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  receiver = await startWebhookReceiver(E2E_WEBHOOK_PORT);
  await expect.poll(() => requestsFor(second).length, { timeout: 20_000 }).toBe(1);
  const retried = requestsFor(second)[0]!;
  expect(
    verifyWebhookSignature({
      secret,
      timestamp: retried.headers["x-verdict-timestamp"] as string,
      signature: retried.headers["x-verdict-signature"] as string,
      body: retried.body,
    }),
  ).toBe(true);

  // The log shows the failed attempts and the one that got through, newest first.
  await expect(async () => {
    await owner.page.reload();
    await expect(logRows(owner.page).filter({ hasText: "200 delivered" })).toHaveCount(2, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const rows = logRows(owner.page);
  await expect(rows.nth(1)).toContainText("200 delivered"); // the retry, newest
  await expect(rows.filter({ hasText: "connection refused" }).first()).toContainText("Failed");
  await expectAxeClean(owner.page);
  await snapshot(owner.page, "webhooks-settings-and-log-desktop");
  await owner.page.getByRole("region", { name: "Delivery log", exact: true }).screenshot({ path: "tests/e2e/.screenshots/webhooks-delivery-log-desktop.png" });

  // On a phone, in dark mode too.
  await owner.page.setViewportSize(PHONE);
  await owner.page.reload();
  const overflow = await owner.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAxeClean(owner.page);
  await snapshot(owner.page, "webhooks-settings-phone");
  await owner.page.emulateMedia({ colorScheme: "dark" });
  await expectAxeClean(owner.page);
  await snapshot(owner.page, "webhooks-settings-phone-dark");
  await owner.page
    .getByRole("region", { name: "Delivery log", exact: true })
    .screenshot({ path: "tests/e2e/.screenshots/webhooks-delivery-log-phone-dark.png" });

  // A member has no webhooks page: not found, not a hint.
  const refused = await member.page.request.get(new URL(owner.page.url()).pathname, { failOnStatusCode: false });
  expect(refused.status()).toBe(404);
});

test("without JavaScript an admin adds a webhook with their own secret, sees a mistake explained, and sends a test event", async ({ actor, newContext }) => {
  test.slow();
  const owner = await actor("Oda", { viewport: DESKTOP });
  const team = await owner.teams.createTeam(`No-script hooks ${Date.now()}`);
  const inviteUrl = await team.createInvite({ role: "admin" });
  const context = await newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  await page.goto(inviteUrl);
  await page.getByRole("link", { name: "Create an account and join" }).click();
  await new SignUpPage(page).signUp(newPerson("Abe"));
  await page.getByRole("link", { name: "Manage webhooks" }).click();

  const form = page.getByRole("region", { name: "Add a webhook" });
  await form.getByLabel("Address (URL)").fill("ftp://example.com/hook");
  await form.getByRole("checkbox", { name: "An outcome is recorded" }).check();
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByText("Enter a whole address starting with https:// or http://")).toBeVisible();
  // What was chosen comes back; the secret field never does.
  await expect(form.getByRole("checkbox", { name: "An outcome is recorded" })).toBeChecked();

  const secret = "my-own-secret-for-verdict-hooks";
  await form.getByLabel("Address (URL)").fill(`http://127.0.0.1:${E2E_WEBHOOK_PORT}${RECEIVER_PATH}?team=no-script`);
  await form.getByLabel("Secret (optional)").fill(secret);
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByRole("status").filter({ hasText: "It signs with the secret you gave" })).toBeVisible();
  await expect(page.getByLabel("Signing secret")).toHaveCount(0);

  await page.getByRole("button", { name: /^Send a test event/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Test event queued" })).toBeVisible();
  const tests = () => receiver!.received.filter((r) => r.path === `${RECEIVER_PATH}?team=no-script`);
  await expect.poll(() => tests().length, { timeout: 15_000 }).toBe(1);
  const [request] = tests();
  expect(
    verifyWebhookSignature({
      secret,
      timestamp: request!.headers["x-verdict-timestamp"] as string,
      signature: request!.headers["x-verdict-signature"] as string,
      body: request!.body,
    }),
  ).toBe(true);
  // Slack-compatible, the form's first choice.
  expect(JSON.parse(request!.body)).toMatchObject({ text: expect.stringContaining("Test from Verdict"), blocks: expect.any(Array) });

  await page.getByRole("button", { name: /^Pause/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Webhook paused" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Webhooks of this team" }).getByText("Paused", { exact: true })).toBeVisible();
  await page.getByText("Delete…").click();
  await page.getByRole("button", { name: /^Yes, delete/ }).click();
  await expect(page.getByText("None yet.")).toBeVisible();
});
