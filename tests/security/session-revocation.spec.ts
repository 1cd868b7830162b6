import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { closeDb, teamsOwnedBy, userIdOf } from "./support/db";
import { callAction, clientWithCookie, CREATE_TEAM_ACTION, disposeAll, sessionCookie, SIGN_OUT_ACTION, signUp } from "./support/http";

// Signing out ends the session itself, not just the browser's copy of the cookie: a copy taken
// before (a shared computer, a stolen cookie) is worth nothing afterwards.
test.afterAll(closeDb);

test("a session cookie copied before sign-out is signed out when replayed", async () => {
  const person = await signUp("revocation");
  const copied = (await sessionCookie(person))!;
  const before = await clientWithCookie("copy-before", copied);
  try {
    const teams = await before.http.get("/teams", { failOnStatusCode: false });
    expect(teams.status(), "the copy works while the session is live").toBe(200);

    const out = await callAction(person, SIGN_OUT_ACTION(), {});
    expect(out.redirect).toMatch(/^\/sign-in/);

    const replay = await clientWithCookie("copy-after", copied);
    try {
      const page = await replay.http.get("/teams", { failOnStatusCode: false });
      const body = await page.text();
      // The front door answers 307; a page that finds no session mid-stream sends the browser on instead.
      const toSignIn = (page.headers()["location"] ?? "").includes("/sign-in") || body.includes("url=/sign-in");
      expect(toSignIn, `a page with the copied cookie after sign-out: ${page.status()}`).toBe(true);
      expect(body, "the signed-out person's own page").not.toContain(person.email);

      // A team or decision page reads the access beside the session: with the session gone, what
      // that read found (here: no such team) never answers; the copy is sent to sign in.
      for (const path of [`/teams/${randomUUID()}`, `/teams/${randomUUID()}/decisions/${randomUUID()}`]) {
        const other = await replay.http.get(path, { failOnStatusCode: false, maxRedirects: 0 });
        const text = await other.text();
        const sentToSignIn = (other.headers()["location"] ?? "").includes("/sign-in") || text.includes("url=/sign-in");
        expect(sentToSignIn, `${path} with the copied cookie after sign-out: ${other.status()}`).toBe(true);
        expect(other.status(), path).not.toBe(404);
      }

      const action = await callAction(replay, CREATE_TEAM_ACTION(), { name: "Made with a dead session" });
      expect(action.status).toBeLessThan(500);
      expect(action.redirect ?? "").toMatch(/^\/sign-in/);
      expect(await teamsOwnedBy(await userIdOf(person.email)), "a team created with the copied cookie").toBe(0);
    } finally {
      await disposeAll([replay]);
    }
  } finally {
    await disposeAll([person, before]);
  }
});
