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
