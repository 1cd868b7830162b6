import { expect, test } from "@playwright/test";
import { closeDb } from "./support/db";
import {
  actionId,
  BASE_URL,
  builtActions,
  callAction,
  disposeAll,
  newClient,
  openStream,
  sessionCookie,
  SIGN_OUT_ACTION,
  signIn,
  signUp,
} from "./support/http";
import { judgeAction, judgeRoute, judgeStream, judgeWriteRoute } from "./support/judge";
import { ACTION_CASES, caseName, EXEMPT_ROUTES, ROUTE_CASES, WRITE_ROUTE_CASES } from "./support/registry";
import { expectedOutcome } from "./support/rules";
import { CONFIRMED_FIELD } from "../../lib/validation/confirmation";
import { exportedNames, readSource, routeFiles, routeMethods, serverActionFiles } from "./support/source";
import { type ActorKind, ACTORS, createWorld, disposeWorld, restoreMembership, type World } from "./support/world";

// Every action and route × every kind of person × own team, another team's ids, and both mixed.
// The expected outcome of each cell comes from lib/auth/roles.ts through the registry's rules.

test.describe("the matrix covers every action and route", () => {
  const registered = new Set(ACTION_CASES.map(caseName));

  test("every server action in the build is in the matrix", () => {
    const unlisted = builtActions()
      .map((a) => caseName({ file: a.filename, exportName: a.exportedName }))
      .filter((name) => !registered.has(name));
    expect(unlisted, "server actions with no row in tests/security/support/registry.ts").toEqual([]);
  });

  test("every server action in the source is in the matrix, and the build is not stale", () => {
    const declared = serverActionFiles().flatMap((file) => {
      const names = exportedNames(file);
      // Inline actions ("use server" inside a function) export nothing; the build names them.
      return names.length > 0 ? names.map((exportName) => caseName({ file, exportName })) : [`${file}#(inline)`];
    });
    const listedFiles = new Set(ACTION_CASES.map((c) => c.file));
    const missing = declared.filter((name) => !registered.has(name) && !(name.endsWith("#(inline)") && listedFiles.has(name.split("#")[0]!)));
    expect(missing, "actions in app/ with no row in the matrix").toEqual([]);
    const builtFiles = new Set(builtActions().map((a) => a.filename));
    expect(
      serverActionFiles().filter((f) => !builtFiles.has(f)),
      "action files missing from .next: rebuild",
    ).toEqual([]);
  });

  test("every listed action still exists in the build", () => {
    const built = new Set(builtActions().map((a) => caseName({ file: a.filename, exportName: a.exportedName })));
    expect([...registered].filter((name) => !built.has(name))).toEqual([]);
  });

  test("every route handler is in the matrix, with each method it exports", () => {
    const listed = new Map<string, readonly string[]>([
      ...ROUTE_CASES.map((c) => [c.file, c.methods] as const),
      ...WRITE_ROUTE_CASES.map((c) => [c.file, [c.method]] as const),
    ]);
    const problems = routeFiles()
      .filter((file) => !EXEMPT_ROUTES.includes(file))
      .flatMap((file) => {
        const methods = listed.get(file);
        if (!methods) return [`${file}: not in the matrix`];
        return routeMethods(file)
          .filter((m) => !methods.includes(m))
          .map((m) => `${file}: ${m} not in the matrix`);
      });
    expect(problems).toEqual([]);
  });
});

async function forEachActor(check: (kind: ActorKind) => Promise<string[]>): Promise<string[]> {
  return (await Promise.all(ACTORS.map(check))).flat();
}

test.describe("authorization matrix", () => {
  let world: World | undefined;
  test.beforeAll(async ({}, info) => {
    info.setTimeout(60_000);
    world = await createWorld(`matrix-w${info.workerIndex}`);
  });
  test.afterAll(async () => {
    await disposeWorld(world);
    await closeDb();
  });

  for (const actionCase of ACTION_CASES.filter((c) => c.arrange)) {
    test(`action ${caseName(actionCase)}`, async () => {
      const w = world!;
      const id = actionId(actionCase.file, actionCase.exportName);
      // People act side by side; each one's calls run in order, since leaving or joining a team
      // changes their own membership until it is put back.
      const failures = await forEachActor(async (kind) => {
        const problems: string[] = [];
        for (const target of actionCase.targets) {
          const actor = w.actors[kind];
          const arranged = await actionCase.arrange!(w, actor, target);
          // Confirmed, as the browser's dialog (or the question's own button) sends it: this is about who may.
          const fields = { ...arranged.fields, [CONFIRMED_FIELD]: "1" };
          const result = await callAction(actor.client, { id, path: arranged.path, withState: actionCase.withState }, fields);
          const expected = expectedOutcome(actionCase.rule, kind, target);
          const problem = judgeAction(result, expected, await arranged.wrote());
          if (problem) problems.push(`${kind} × ${target}: ${problem}`);
          await restoreMembership(w, actor);
        }
        return problems;
      });
      expect(failures, `cells that differ from the permissions table for ${caseName(actionCase)}`).toEqual([]);
    });
  }

  // A step that cannot be undone, sent without its confirmation (a form posted before any script
  // ran), is answered with the question, and nothing is written, even for its owner on their own team.
  for (const actionCase of ACTION_CASES.filter((c) => c.arrange && readSource(c.file).includes("confirm: true"))) {
    test(`action ${caseName(actionCase)} asks before it acts`, async () => {
      const w = world!;
      const owner = w.actors.owner;
      const arranged = await actionCase.arrange!(w, owner, "own");
      const result = await callAction(
        owner.client,
        { id: actionId(actionCase.file, actionCase.exportName), path: arranged.path, withState: actionCase.withState },
        arranged.fields,
      );
      await restoreMembership(w, owner);
      expect(result.status).toBeLessThan(500);
      expect(result.redirect).toBeNull();
      expect(result.body).toContain('"confirm":"1"');
      expect(await arranged.wrote(), "written without confirmation").toBe(false);
    });
  }

  for (const routeCase of WRITE_ROUTE_CASES) {
    test(`route ${routeCase.file} (${routeCase.method})`, async () => {
      const w = world!;
      const failures = await forEachActor(async (kind) => {
        const problems: string[] = [];
        for (const target of routeCase.targets) {
          const actor = w.actors[kind];
          const { url, body, wrote } = await routeCase.arrange(w, actor, target);
          // As the sheet's script sends it: JSON, from a page of the site.
          const response = await actor.client.http.fetch(url, { method: routeCase.method, data: body, headers: { origin: BASE_URL }, failOnStatusCode: false });
          const answer = { status: response.status(), location: response.headers()["location"] ?? null, body: await response.text() };
          const problem = judgeWriteRoute(answer, expectedOutcome(routeCase.rule, kind, target), await wrote());
          if (problem) problems.push(`${kind} × ${target} ${routeCase.method} ${url.split("/").slice(-1)}: ${problem}`);
        }
        return problems;
      });
      expect(failures, `cells that differ from the permissions table for ${routeCase.file}`).toEqual([]);
    });
  }

  for (const routeCase of ROUTE_CASES) {
    test(`route ${routeCase.file}`, async () => {
      const w = world!;
      const failures = await forEachActor(async (kind) => {
        const problems: string[] = [];
        for (const target of routeCase.targets) {
          const expected = expectedOutcome(routeCase.rule, kind, target);
          const { urls, secret } = await routeCase.arrange(w, target);
          for (const url of urls) {
            let problem: string | null;
            if (routeCase.stream) {
              problem = judgeStream(await openStream(w.actors[kind].client, url), expected, secret);
            } else {
              const response = await w.actors[kind].client.http.get(url, { failOnStatusCode: false });
              const answer = { status: response.status(), location: response.headers()["location"] ?? null, body: await response.text() };
              problem = judgeRoute(answer, expected, secret);
            }
            if (problem) problems.push(`${kind} × ${target} GET ${url.split("/").slice(-2).join("/")}: ${problem}`);
          }
        }
        return problems;
      });
      expect(failures, `cells that differ from the permissions table for ${routeCase.file}`).toEqual([]);
    });
  }
});

test.describe("public actions", () => {
  test.afterAll(closeDb);

  test("sign-in, sign-up and sign-out answer anyone with a form state or a redirect", async () => {
    const person = await signUp("public");
    const stranger = await newClient("stranger");
    try {
      const wrong = await signIn(stranger, person.email, "not the password");
      expect(wrong.status).toBe(200);
      expect(wrong.body).toMatch(/do not match/);
      expect(await sessionCookie(stranger)).toBeUndefined();

      const out = await callAction(person, SIGN_OUT_ACTION(), {});
      expect(out.status).toBeLessThan(500);
      expect(out.redirect).toMatch(/^\/sign-in/);
    } finally {
      await disposeAll([person, stranger]);
    }
  });

  test("the GitHub sign-in action, posted while GitHub is not set up, is refused without a server error", async () => {
    const stranger = await newClient("stranger");
    try {
      const id = actionId("app/(auth)/github-sign-in.ts", "gitHubSignInAction");
      const result = await callAction(stranger, { id, path: "/sign-in", withState: false }, {});
      expect(result.status, "an anonymous POST must never make the server fail").toBeLessThan(500);
    } finally {
      await disposeAll([stranger]);
    }
  });
});
