import type { BrowserContext } from "@playwright/test";

const VIOLATION_PREFIX = "[securitypolicyviolation]";

/**
 * Records every Content-Security-Policy violation in any page of the context: the page's
 * `securitypolicyviolation` events (reported through the console, which Playwright sees) and
 * any console message that mentions the policy.
 */
export async function watchCspViolations(context: BrowserContext, into: string[]): Promise<void> {
  await context.addInitScript((prefix) => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`${prefix} ${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
    });
  }, VIOLATION_PREFIX);
  context.on("console", (message) => {
    const text = message.text();
    if (text.startsWith(VIOLATION_PREFIX) || /Content Security Policy/i.test(text)) into.push(`${message.page()?.url() ?? "?"}: ${text}`);
  });
}
