import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { expectAxeClean } from "./support/axe";

// The specs' shared axe check on pages written here rather than the app's: it has to be able to
// fail, and say what it found, or a clean run of the other specs proves nothing.

const TRANSPARENT_GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

test("the axe check fails with each serious violation's rule, impact, help and element", async ({ page }) => {
  await page.setContent(
    `<!doctype html><html lang="en"><head><title>Unlabelled image</title></head>` +
      `<body><main><h1>Gallery</h1><img id="unlabelled" src="${TRANSPARENT_GIF}"></main></body></html>`,
  );
  const failure = await expectAxeClean(page).then(
    () => "it passed",
    (error: Error) => error.message,
  );
  expect(failure).toContain("image-alt (critical): Images must have alternative text");
  expect(failure).toContain("#unlabelled");

  // Checked only where the image is not, the page passes.
  await expectAxeClean(page, { within: "h1" });
});

test("the axe check waits for a title that arrives after the page", async ({ page }) => {
  await page.setContent(
    `<!doctype html><html lang="en"><head></head><body><main><h1>Late title</h1></main>` +
      `<script>setTimeout(() => { document.title = "Arrived"; }, 500);</script></body></html>`,
  );
  await expectAxeClean(page);
});

test("the axe check looks at colours once a change of colour scheme has finished fading", async ({ page }) => {
  // A button that fades between a light and a dark look, as the app's buttons do (transition-colors).
  // Halfway, its text and background are nearly the same grey.
  await page.setContent(
    `<!doctype html><html lang="en"><head><title>Fading button</title><style>` +
      `button { background: #fff; color: #1e293b; transition: color 4s linear, background-color 4s linear; }` +
      `@media (prefers-color-scheme: dark) { button { background: #1e293b; color: #f1f5f9; } }` +
      `</style></head><body><main><h1>Fading</h1><button id="fading">Remove</button></main></body></html>`,
  );
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForFunction(() => document.getAnimations().length === 2);
  // Held halfway, however long axe takes to look on a busy machine.
  await page.evaluate(() => document.getAnimations().forEach((fade) => ((fade.currentTime = 2000), fade.pause())));
  const midway = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
  expect(
    midway.violations.map((v) => v.id),
    "axe, looking halfway through the fade",
  ).toContain("color-contrast");

  // Let go, the fade has two seconds left: the shared check waits for it to end.
  await page.evaluate(() => document.getAnimations().forEach((fade) => fade.play()));
  await expectAxeClean(page);
});
