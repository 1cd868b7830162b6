import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];
type Impact = NonNullable<Violation["impact"]>;

const IMPACTS_MILDEST_FIRST: readonly Impact[] = ["minor", "moderate", "serious", "critical"];

export type AxeCheck = {
  /** A CSS selector for the one part of the page to check, where the rest of it is not the spec's concern. */
  within?: string;
  /** The mildest impact that fails the check. */
  failFrom?: Impact;
};

function describeViolation(violation: Violation): string {
  const targets = violation.nodes.map((node) => `    ${node.target.join(" ")}`);
  return [`  ${violation.id} (${violation.impact ?? "no impact given"}): ${violation.help}`, ...targets].join("\n");
}

/**
 * Runs axe-core's default rules over the page and fails with each violation at or above
 * `failFrom` (serious, unless told otherwise): its rule, impact, help and the elements it found.
 */
export async function expectAxeClean(page: Page, { within, failFrom = "serious" }: AxeCheck = {}): Promise<void> {
  // The title is streamed with the page's metadata: right after a post or a reload re-renders the
  // page, axe could look before it was back (CI once reported document-title in discussion.spec).
  await expect(page, "the page's title, before axe looks at the page").toHaveTitle(/\S/);
  // Buttons and links fade between colours (transition-colors): right after a switch to dark mode,
  // or a button appearing, axe measured contrast halfway through a fade (discussion.spec, .px-2).
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity));
  // Legacy mode runs axe.run in the page itself. The default runs each frame's part there and then
  // opens a blank tab to join the parts: on CI that tab cost one to three seconds of every check.
  // Verdict's pages have no frames, so both modes check the same document with the same rules.
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  const { violations } = await (within ? builder.include(within) : builder).analyze();
  const threshold = IMPACTS_MILDEST_FIRST.indexOf(failFrom);
  // A violation axe gives no impact is counted as failing rather than silently let through.
  const failing = violations.filter((v) => IMPACTS_MILDEST_FIRST.indexOf(v.impact ?? "critical") >= threshold);
  const scope = within ? ` within ${within}` : "";
  const report = [`axe: ${failing.length} violation(s) of impact ${failFrom} or worse on ${page.url()}${scope}`, ...failing.map(describeViolation)].join("\n");
  expect(failing.length, report).toBe(0);
}
