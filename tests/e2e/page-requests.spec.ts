import { expect, test } from "./fixtures";
import { DESKTOP, newSmallDecision } from "./support/team-setup";

// Opening a page costs the server that page: its links do not each send requests of their own
// while it loads (see app/_components/link.tsx), and following one still goes where it says.

test("a decision page's links fetch nothing until followed, and following one navigates", async ({ actor }) => {
  const owner = await actor("Pat", { viewport: DESKTOP });
  await owner.teams.createTeam("Quiet links team");
  const decisionUrl = await newSmallDecision(owner.page, "Quiet links");
  const prefetches: string[] = [];
  owner.page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetches.push(request.url());
  });

  await owner.page.goto(decisionUrl, { waitUntil: "networkidle" });
  await owner.page.goto("/teams", { waitUntil: "networkidle" });
  // Links seen, hovered and left: still nothing asked of the server.
  await owner.page
    .getByRole("link", { name: /Quiet links team/ })
    .first()
    .hover();
  await owner.page.waitForTimeout(500);
  expect(prefetches).toEqual([]);

  await owner.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Frameworks" }).click();
  await expect(owner.page).toHaveURL(/\/frameworks$/);
  await expect(owner.page.getByRole("heading", { level: 1 })).toBeVisible();
});
