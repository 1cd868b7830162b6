import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { closeDb, teamsNamed, teamsOwnedBy, userIdOf } from "./support/db";
import { callAction, CREATE_TEAM_ACTION, disposeAll, newClient, PASSWORD, signIn, SIGN_IN_ACTION, SIGN_UP_ACTION, signUp, uniqueEmail } from "./support/http";

// Field names are the attacker's to choose. A dotted name must never reach Object.prototype: one
// anonymous sign-in POST must not change how the server treats anyone else's later requests.
// On a vulnerable build each attack here poisons the server for every later request, the last one
// worst of all: the file runs in order, on one worker, harmless probe first.
test.describe.configure({ mode: "default" });
test.afterAll(closeDb);

async function pagesStillServe() {
  const visitor = await newClient("visitor");
  try {
    for (const path of ["/sign-in", "/sign-up", "/frameworks"]) {
      const response = await visitor.http.get(path, { failOnStatusCode: false });
      expect(response.status(), `GET ${path} after the attack`).toBe(200);
    }
  } finally {
    await disposeAll([visitor]);
  }
}

async function attackSignIn(field: string, value: string) {
  const attacker = await newClient("attacker");
  try {
    const result = await callAction(attacker, SIGN_IN_ACTION(), { email: "nobody@example.test", password: "whatever", [field]: value });
    expect(result.status, `the sign-in action with a field named ${field}`).toBeLessThan(500);
  } finally {
    await disposeAll([attacker]);
  }
}

test("constructor.prototype.x from an anonymous sign-in leaves the server working", async () => {
  await attackSignIn("constructor.prototype.x", "polluted");
  await pagesStillServe();
  const person = await signUp("after-constructor");
  try {
    const wrong = await signIn(person, person.email, "not the password");
    expect(wrong.status).toBe(200);
    expect(wrong.body).toMatch(/do not match/);
  } finally {
    await disposeAll([person]);
  }
});

test("__proto__.name from an anonymous sign-in does not name another person's new team", async () => {
  const victim = await signUp("victim");
  const attackersName = `Attacker's team ${randomUUID().slice(0, 8)}`;
  try {
    await attackSignIn("__proto__.name", attackersName);
    // The victim's form arrives without a name (a script, a broken client): it must ask for one.
    const result = await callAction(victim, CREATE_TEAM_ACTION(), {});
    expect(result.status).toBeLessThan(500);
    expect(await teamsNamed(attackersName), "a team named by the attacker").toEqual([]);
    expect(await teamsOwnedBy(await userIdOf(victim.email)), "a team made from a form with no name").toBe(0);
    await pagesStillServe();
  } finally {
    await disposeAll([victim]);
  }
});

test("__proto__.toString.x from an anonymous sign-in does not make later pages fail", async () => {
  const person = await signUp("before-tostring");
  try {
    await attackSignIn("__proto__.toString.x", "polluted");
    await pagesStillServe();
    const teams = await person.http.get("/teams", { failOnStatusCode: false });
    expect(teams.status(), "a signed-in page after the attack").toBe(200);
    const newcomer = await newClient("newcomer");
    const signUpAfter = await callAction(newcomer, SIGN_UP_ACTION(), {
      name: "Newcomer",
      email: uniqueEmail("newcomer"),
      password: PASSWORD,
      callbackUrl: "/teams",
    });
    await disposeAll([newcomer]);
    expect(signUpAfter.status, "signing up after the attack").toBeLessThan(500);
    expect(signUpAfter.redirect, `signing up after the attack: ${signUpAfter.body.slice(0, 200)}`).toBe("/teams");
  } finally {
    await disposeAll([person]);
  }
});
