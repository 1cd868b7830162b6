import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The SMTP receiver tests/e2e/notifications.spec.ts starts; the server's SMTP_URL names it. */
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? PORT + 25);
/** The webhook receiver tests/e2e/webhooks.spec.ts starts; the server may post to it (ALLOW_PRIVATE_WEBHOOKS). */
export const E2E_WEBHOOK_PORT = Number(process.env.E2E_WEBHOOK_PORT ?? PORT + 41);
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/verdict_e2e";
// The server runs as a least-privilege role made by `db:migrate`, one per e2e database so parallel
// runs on one PostgreSQL never share it; the tests' own direct access stays on E2E_DATABASE_URL.
const E2E_APP_ROLE = `${new URL(E2E_DATABASE_URL).pathname
  .slice(1)
  .toLowerCase()
  .replace(/[^a-z0-9_]/g, "_")}_app`.slice(0, 63);
export const E2E_APP_DATABASE_URL = Object.assign(new URL(E2E_DATABASE_URL), { username: E2E_APP_ROLE, password: "" }).toString();

/**
 * Chromium's headless shell (Debian's chromium-headless-shell; Playwright's own default for headless
 * runs) is the same engine without the full browser around it: the same specs took about 40% less
 * time and CPU than with the full browser here. The full browser serves when the shell is absent,
 * and CHROMIUM_PATH names another one (the full one to watch a run with --headed).
 */
const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((path) => existsSync(path)) ?? "/usr/bin/chromium";

export const E2E_AUTH_SECRET = "e2e-secret-not-for-production-0123456789abcdef";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Recording a trace of every test, to keep only the failures', costs CPU in every action; on CI
    // a failure is tried again (retries above) and that second try records the trace.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      // This machine has no outside network; background fetches would only fail noisily.
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } },
    // Attacks over plain HTTP against the same server: no browser.
    { name: "security", testDir: "tests/security", testMatch: "**/*.spec.ts" },
  ],
  webServer: {
    // A production build on PostgreSQL, started fresh: see the script for the steps.
    command: "bash tests/e2e/support/serve.sh",
    url: `http://127.0.0.1:${PORT}/sign-in`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: E2E_APP_DATABASE_URL,
      MIGRATION_DATABASE_URL: E2E_DATABASE_URL,
      APP_DATABASE_ROLE: E2E_APP_ROLE,
      AUTH_SECRET: E2E_AUTH_SECRET,
      AUTH_TRUST_HOST: "true",
      // Mail for those who chose it goes here; with no receiver listening the jobs only retry.
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      // The webhook receiver is on this machine, and a retry should come within seconds, not 30 s.
      ALLOW_PRIVATE_WEBHOOKS: "true",
      WEBHOOK_RETRY_BASE_MS: "1000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
