import type { Page } from "@playwright/test";
import { E2E_SMTP_PORT } from "../../../playwright.config";
import { startSmtpReceiver } from "../../support/smtp-receiver";
import { test } from "../fixtures";

/** The bell in the main navigation; its accessible name carries the unread count. */
export const bell = (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Notifications/ });

/**
 * One SMTP receiver on the port the server's SMTP_URL names, for the calling spec file, whose tests
 * must then run in one worker (mode "default" or "serial"); spec files that receive mail take turns
 * on the port (the receiver waits for it). Returns what the receiver has received so far.
 */
export function useSmtpReceiver(): () => string[] {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>> | undefined;
  test.beforeAll(async () => {
    // Another spec file may hold the port for a while.
    test.setTimeout(180_000);
    smtp = await startSmtpReceiver(E2E_SMTP_PORT);
  });
  test.afterAll(async () => {
    await smtp?.close();
  });
  return () => smtp?.received ?? [];
}
