import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import * as db from "./support/db";
import { actionId, callAction, type Client, disposeAll, type Person, signUp } from "./support/http";

// Until the reveal, nobody sees another member's values: not in a page, not in the RSC payload a
// client-side navigation fetches, not in an export, not in what an action answers. Member B's sheet
// carries sentinels no one else could guess; A and a viewer look everywhere for them.

// One world, in order: the last test reveals the decision.
test.describe.configure({ mode: "default" });

let people: Record<"owner" | "a" | "b" | "viewer", Person>;
let teamId: string;
let memberB: string;
let decision: db.DecisionRow;
const sentinel = `SENTINEL-${randomUUID()}`;
const sentinelLink = `https://sentinel-${randomUUID()}.example.com/evidence`;

test.beforeAll(async ({}, info) => {
  info.setTimeout(60_000);
  const [owner, a, b, viewer] = await Promise.all(["seal-owner", "seal-a", "seal-b", "seal-viewer"].map((label) => signUp(label)));
  people = { owner: owner!, a: a!, b: b!, viewer: viewer! };
  const ids = Object.fromEntries(await Promise.all(Object.entries(people).map(async ([k, p]) => [k, await db.userIdOf(p.email)] as const)));
  teamId = await db.insertTeam(`Sealed ${randomUUID().slice(0, 8)}`, [
    [ids.owner!, "owner"],
    [ids.a!, "member"],
    [ids.b!, "member"],
    [ids.viewer!, "viewer"],
  ]);
  memberB = ids.b!;
  decision = await db.insertDecision(teamId, ids.owner!, "scoring");
  // Weights and scores no one would pick at random for both criteria and options.
  await db.saveBallot(decision, ids.b!, {
    weights: [9, 1],
    scores: [
      [5, 1],
      [1, 5],
    ],
    comment: sentinel,
    evidence: sentinelLink,
  });
});

test.afterAll(async () => {
  await disposeAll(Object.values(people ?? {}));
  await db.closeDb();
});

function everyUrl(): string[] {
  const base = `/teams/${teamId}/decisions/${decision.id}`;
  return [
    "/teams",
    `/teams/${teamId}`,
    `/teams/${teamId}/decisions`,
    `/teams/${teamId}/decisions/radar.csv`,
    base,
    ...["weights", "scores", "results", "decide", "edit"].map((page) => `${base}/${page}`),
    // The results page's per-person view, asked for by hand before it exists.
    `${base}/results?person=${memberB}`,
    ...["madr", "json", "csv"].map((format) => `${base}/export/${format}`),
  ];
}

/** Every page and export, as a document and as the RSC payload of a client-side navigation. */
async function everythingSeenBy(client: Client): Promise<{ what: string; status: number; body: string }[]> {
  const seen = [];
  for (const url of everyUrl()) {
    for (const rsc of [false, true]) {
      const response = await client.http.get(url, { failOnStatusCode: false, headers: rsc ? { RSC: "1" } : {} });
      seen.push({ what: `${rsc ? "RSC " : ""}GET ${url}`, status: response.status(), body: await response.text() });
    }
  }
  return seen;
}

const leaks = (answers: { what: string; status: number; body: string }[]) =>
  answers.filter((a) => a.status >= 500 || a.body.includes(sentinel) || a.body.includes(sentinelLink)).map((a) => `${a.what}: ${a.status}`);

test("B's own sheet shows the sentinels, so finding them elsewhere would be a leak", async () => {
  const mine = await people.b.http.get(`/teams/${teamId}/decisions/${decision.id}/scores`);
  const body = await mine.text();
  expect(body.includes(sentinel) && body.includes(sentinelLink), "B's comment and link on B's own sheet").toBe(true);
});

for (const who of ["a", "viewer"] as const) {
  test(`before the reveal no page, RSC payload or export shows ${who === "a" ? "another member" : "a viewer"} B's values`, async () => {
    expect(leaks(await everythingSeenBy(people[who]))).toEqual([]);
  });
}

test("before the reveal no action result carries B's values", async () => {
  const saveScores = {
    id: actionId("app/teams/[teamId]/decisions/[decisionId]/actions/save-scores.ts", "saveScoresAction"),
    path: `/teams/${teamId}/decisions/${decision.id}/scores`,
  };
  const fields = { teamId, decisionId: decision.id, [`scores.${decision.options[0]}.${decision.criteria[0]}.score`]: "3" };
  const answers = [];
  for (const who of ["a", "viewer", "owner"] as const) {
    const result = await callAction(people[who], saveScores, fields);
    answers.push({ what: `save-scores as ${who}`, status: result.status, body: result.body });
  }
  const advance = {
    id: actionId("app/teams/[teamId]/decisions/[decisionId]/actions/advance-phase.ts", "advancePhaseAction"),
    path: `/teams/${teamId}/decisions/${decision.id}`,
  };
  // A stale phase: refused, and the refusal must not carry the sheet either.
  const stale = await callAction(people.a, advance, { teamId, decisionId: decision.id, from: "weighting" });
  answers.push({ what: "advance-phase (stale) as a", status: stale.status, body: stale.body });
  expect(await db.countScores(decision.id, await db.userIdOf(people.a.email)), "A's own save went through").toBeGreaterThan(0);
  expect(leaks(answers)).toEqual([]);
});

test("after the reveal the results show B's comment to A: the check above can see a leak", async () => {
  await db.reveal(decision.id);
  const results = await people.a.http.get(`/teams/${teamId}/decisions/${decision.id}/results?person=${memberB}`);
  expect((await results.text()).includes(sentinel), "B's comment on the revealed results").toBe(true);
});
