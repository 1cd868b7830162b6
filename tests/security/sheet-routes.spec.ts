import { expect, test } from "@playwright/test";
import * as db from "./support/db";
import { BASE_URL, disposeAll, newClient, type Person, signUp } from "./support/http";

// The sheets' JSON routes take whatever a script on any page sends them. Every answer below is a
// refusal the person can read (JSON with a message, never a 500), and nothing is written.

test.describe.configure({ mode: "default" });

let voter: Person;
let decision: db.DecisionRow;
let scoresUrl: string;
let teamId: string;

test.beforeAll(async () => {
  voter = await signUp("sheet-routes");
  const userId = await db.userIdOf(voter.email);
  teamId = await db.insertTeam(`Sheet routes ${Date.now()}`, [[userId, "owner"]]);
  decision = await db.insertDecision(teamId, userId, "scoring");
  scoresUrl = `/api/teams/${teamId}/decisions/${decision.id}/scores`;
});

test.afterAll(async () => {
  await disposeAll([voter]);
  await db.closeDb();
});

const scored = () => ({ scores: { [decision.options[0]!]: { [decision.criteria[0]!]: { score: "4" } } } });
const nothingWritten = async () => expect(await db.countScores(decision.id, await db.userIdOf(voter.email))).toBe(0);

async function put(body: string | Buffer, headers: Record<string, string> = {}, url = scoresUrl) {
  const response = await voter.http.fetch(url, {
    method: "PUT",
    data: body,
    headers: { "content-type": "application/json", origin: BASE_URL, ...headers },
    failOnStatusCode: false,
  });
  const text = await response.text();
  return {
    status: response.status(),
    headers: response.headers(),
    text,
    json: (() => {
      try {
        return JSON.parse(text) as { ok: boolean; message?: string; fieldErrors?: Record<string, string> };
      } catch {
        return null;
      }
    })(),
  };
}

test("every answer, saved or refused, is locked down by the route itself: the front door lets these routes through untouched", async () => {
  // A decision of its own: the tests below count what was written to the shared one.
  const other = await db.insertDecision(teamId, await db.userIdOf(voter.email), "scoring");
  const url = `/api/teams/${teamId}/decisions/${other.id}/scores`;
  const saved = await put(JSON.stringify({ scores: { [other.options[0]!]: { [other.criteria[0]!]: { score: "4" } } } }), {}, url);
  expect(saved.json?.ok).toBe(true);
  for (const answer of [saved, await put("[not json", {}, url)]) {
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    expect(answer.headers).toMatchObject({
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    expect(answer.headers["content-security-policy"]).toMatch(/^default-src 'none';.*frame-ancestors 'none'/);
  }
});

test("another site's page cannot save a sheet with the person's cookie", async () => {
  for (const headers of [{ origin: "https://evil.example" }, { origin: "null" }, { origin: "http://127.0.0.1.evil.example" }]) {
    const answer = await put(JSON.stringify(scored()), headers);
    expect(answer.status, JSON.stringify(headers)).toBe(403);
    expect(answer.json?.message).toMatch(/did not come from a page of this site/);
  }
  // A browser always names the origin of a PUT; a request naming none is no page's.
  const bare = await voter.http.fetch(scoresUrl, {
    method: "PUT",
    data: JSON.stringify(scored()),
    headers: { "content-type": "application/json" },
    failOnStatusCode: false,
  });
  expect(bare.status()).toBe(403);
  await nothingWritten();
});

test("only JSON is read: a form's content type, the kind a page may send anywhere, is refused", async () => {
  for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
    const answer = await put(JSON.stringify(scored()), { "content-type": type });
    expect(answer.status, type).toBe(415);
  }
  await nothingWritten();
});

test("bodies that are not a JSON object, or not UTF-8, get a plain refusal", async () => {
  const bodies: (string | Buffer)[] = ["", "not json", "[]", "null", '"scores"', "42", "{", Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])];
  for (const body of bodies) {
    const answer = await put(body);
    expect(answer.status, String(body)).toBe(400);
    expect(answer.json?.message).toMatch(/could not be read/);
  }
  await nothingWritten();
});

test("deep nesting, huge numbers, wrong types and prototype keys are field errors or refusals, never a 500", async () => {
  const o = decision.options[0]!;
  const c = decision.criteria[0]!;
  const bodies = [
    "[".repeat(200_000) + "]".repeat(200_000),
    `{"scores":${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}}`,
    JSON.stringify({ scores: "all fives" }),
    JSON.stringify({ scores: [1, 2, 3] }),
    JSON.stringify({ scores: { [o]: { [c]: { score: 1e308 } } } }),
    JSON.stringify({ scores: { [o]: { [c]: { score: { valueOf: 4 } } } } }),
    JSON.stringify({ scores: { [o]: { [c]: { score: "4", comment: 12, evidence: ["javascript:alert(1)"] } } } }),
    '{"__proto__":{"polluted":"yes"},"scores":{}}',
    `{"scores":{"__proto__":{"${c}":{"score":"4"}}}}`,
    `{"scores":{"${o}":{"constructor":{"score":"4"}}}}`,
    JSON.stringify({ scores: { [o.toUpperCase()]: { [c]: { score: "4" } }, [o]: { [c]: { score: "5" } } } }),
  ];
  for (const body of bodies) {
    const answer = await put(body);
    expect(answer.status, body.slice(0, 60)).toBeGreaterThanOrEqual(400);
    expect(answer.status, body.slice(0, 60)).toBeLessThan(500);
    expect(answer.json?.ok, body.slice(0, 60)).toBe(false);
    expect(answer.json?.message, body.slice(0, 60)).toBeTruthy();
  }
  await nothingWritten();
  // The server still treats a plain object as plain afterwards.
  expect((await put(JSON.stringify(scored()))).json).toMatchObject({ ok: true });
  expect(await db.countScores(decision.id, await db.userIdOf(voter.email))).toBe(1);
});

test("a body over the limit is refused before it is read, declared or streamed", async () => {
  const huge = JSON.stringify({ scores: {}, padding: "x".repeat(1024 * 1024 + 10) });
  const answer = await put(huge);
  expect(answer.status).toBe(413);
  expect(answer.json?.message).toMatch(/at most 1 MB/);
});

test("the URL names the decision: ids in the body cannot point the save elsewhere", async () => {
  const stranger = await newClient("sheet-route-stranger");
  try {
    const other = await db.insertDecision(await db.insertTeam(`Elsewhere ${Date.now()}`, []), await db.userIdOf(voter.email), "scoring");
    const answer = await put(JSON.stringify({ ...scored(), teamId: "x", decisionId: other.id }));
    expect(answer.status).toBe(200);
    expect(await db.countScores(other.id, await db.userIdOf(voter.email))).toBe(0);
    const malformed = await voter.http.fetch("/api/teams/not-a-team/decisions/__proto__/scores", {
      method: "PUT",
      data: JSON.stringify(scored()),
      headers: { "content-type": "application/json", origin: BASE_URL },
      failOnStatusCode: false,
    });
    expect(malformed.status()).toBe(404);
    const signedOut = await stranger.http.fetch(scoresUrl, {
      method: "PUT",
      data: JSON.stringify(scored()),
      headers: { "content-type": "application/json", origin: BASE_URL },
      failOnStatusCode: false,
    });
    expect(signedOut.status()).toBe(401);
    expect(await signedOut.json()).toMatchObject({ ok: false, message: expect.stringMatching(/signed out/) });
  } finally {
    await disposeAll([stranger]);
  }
});
