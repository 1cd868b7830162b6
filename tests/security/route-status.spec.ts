import { randomUUID } from "node:crypto";
import { type APIResponse, expect, test } from "@playwright/test";
import * as db from "./support/db";
import { actionId, BASE_URL, callAction, type Client, clientWithCookie, disposeAll, sessionCookie, SIGN_OUT_ACTION, signUp } from "./support/http";
import { createWorld, disposeWorld, type World } from "./support/world";

// The status line and headers of every route handler and team page, read over plain HTTP: who is
// sent to sign in, who gets a 404 (strangers and nonsense ids alike, never a 500), who gets the
// page or the download, and what kind of bytes it is.

// One world, built once; the tests only read.
test.describe.configure({ mode: "default" });

type Answer = { status: number; type: string; disposition: string | null; location: string | null; cache: string | null; body: string };

async function answer(response: APIResponse): Promise<Answer> {
  const h = response.headers();
  return {
    status: response.status(),
    type: h["content-type"] ?? "",
    disposition: h["content-disposition"] ?? null,
    location: h["location"] ?? null,
    cache: h["cache-control"] ?? null,
    body: await response.text(),
  };
}

const get = async (client: Client, url: string) => answer(await client.http.get(url, { failOnStatusCode: false }));

/** The front door's answer to a signed-out visitor: a 307 to /sign-in that brings them back to `url`. */
function expectSignInRedirect(a: Answer, url: string) {
  expect(a.status, `${url}: status`).toBe(307);
  const target = new URL(a.location ?? "", BASE_URL);
  expect(target.pathname, `${url}: redirect target`).toBe("/sign-in");
  const back = new URL(target.searchParams.get("callbackUrl") ?? "", BASE_URL);
  expect(back.pathname + back.search, `${url}: callbackUrl`).toBe(url);
}

const TEXT = "text/plain; charset=utf-8";
const HTML = /^text\/html; charset=utf-8$/;
const CONTENT_TYPE = { madr: "text/markdown; charset=utf-8", json: "application/json; charset=utf-8", csv: "text/csv; charset=utf-8; header=present" };
const FORMATS = ["madr", "json", "csv"] as const;
/** Ids that are not UUIDs: the routes must read them as "no such thing", never fail on them. */
const MALFORMED_IDS = ["not-a-uuid", "123", `${randomUUID()}x`, "00000000-0000-0000-0000-00000000000g", "%27%20or%201%3D1--", "a".repeat(300)];

let w: World;
let teamName: string;
/** Decisions of the own team, one per phase the routes tell apart; `stranger` is the other team's. */
let d: Record<"draft" | "sealed" | "revealed" | "decided" | "stranger", db.DecisionRow>;

const decisionUrl = (decision: db.DecisionRow, teamId = decision.teamId) => `/teams/${teamId}/decisions/${decision.id}`;
const exportUrl = (decision: db.DecisionRow, format: string, teamId = decision.teamId) => `${decisionUrl(decision, teamId)}/export/${format}`;
const radarUrl = (teamId = w.own.teamId, query = "") => `/teams/${teamId}/decisions/radar.csv${query}`;
/** A short title the filename slug keeps whole. */
const title = (phase: string) => `Route ${phase} ${randomUUID().slice(0, 8)}`;
const slug = (text: string) => text.toLowerCase().replace(/ /g, "-");

test.beforeAll(async ({}, info) => {
  info.setTimeout(90_000);
  w = await createWorld(`routes-w${info.workerIndex}`);
  [{ name: teamName }] = (await db.sql()`select name from teams where id = ${w.own.teamId}`) as unknown as [{ name: string }];
  const fac = w.own.facilitatorId;
  const ballot = (decision: db.DecisionRow, userId: string) =>
    db.saveBallot(decision, userId, {
      weights: [7, 3],
      scores: [
        [4, 2],
        [1, 5],
      ],
      comment: "why",
      evidence: "https://example.com/e",
    });
  d = {
    draft: await db.insertDecision(w.own.teamId, fac, "draft", title("draft")),
    sealed: await db.insertDecision(w.own.teamId, fac, "scoring", title("sealed")),
    revealed: await db.insertDecision(w.own.teamId, fac, "revealed", title("revealed")),
    decided: await db.insertDecision(w.own.teamId, fac, "revealed", title("decided")),
    stranger: await db.insertDecision(w.other.teamId, w.other.facilitatorId, "revealed", title("stranger")),
  };
  await ballot(d.sealed, w.actors.member.userId!);
  await ballot(d.revealed, w.actors.member.userId!);
  await ballot(d.decided, w.actors.member.userId!);
  // Decided through the real action, so the outcome carries the snapshot the exports read.
  const decide = { id: actionId("app/teams/[teamId]/decisions/[decisionId]/actions/decide.ts", "decideAction"), path: `${decisionUrl(d.decided)}/decide` };
  const record = { context: "Route status", decision: "Alpha it is", consequencesGood: "Fast", consequencesBad: "Costly", justification: "" };
  const decided = await callAction(w.actors.facilitator.client, decide, {
    teamId: w.own.teamId,
    decisionId: d.decided.id,
    chosenOptionId: d.decided.options[0]!,
    ...record,
  });
  expect(decided.redirect, `deciding ${d.decided.title}: ${decided.status} ${JSON.stringify(decided.state)}`).toMatch(/\?decided=1$/);
  expect((await db.decisionState(d.decided.id))?.status).toBe("decided");
});

test.afterAll(async () => {
  await disposeWorld(w);
  await db.closeDb();
});

test.describe("route handlers", () => {
  /** Every route handler, on a revealed decision, with the type of its download. */
  const everyRoute = (): [string, string][] => [
    ...FORMATS.map((f) => [exportUrl(d.revealed, f), CONTENT_TYPE[f]] as [string, string]),
    [radarUrl(), CONTENT_TYPE.csv],
  ];

  test("anonymous: the front door sends the visitor to sign in and back", async () => {
    for (const [url] of everyRoute()) {
      const a = await get(w.actors.anonymous.client, url);
      expectSignInRedirect(a, url);
      expect(a.body).not.toContain(d.revealed.title);
    }
  });

  test("a cookie whose session was signed out gets the handler's own 401, as text", async () => {
    const person = await signUp("routes-revoked");
    const copy = await clientWithCookie("routes-revoked-copy", (await sessionCookie(person))!);
    try {
      await db.addMember(w.own.teamId, await db.userIdOf(person.email), "member");
      expect((await get(copy, exportUrl(d.revealed, "json"))).status, "the copy works while the session is live").toBe(200);
      await callAction(person, SIGN_OUT_ACTION(), {});
      // The front door only reads the cookie's signature, which still holds; the handler asks the sessions table.
      for (const [url] of everyRoute()) {
        const a = await get(copy, url);
        expect([a.status, a.type], url).toEqual([401, TEXT]);
        expect(a.body).toMatch(/^Sign in to download/);
        expect(a.disposition).toBeNull();
      }
    } finally {
      await disposeAll([person, copy]);
    }
  });

  test("a non-member gets 404 for every export and the radar, exactly as for a team that does not exist", async () => {
    const nonMember = w.actors.nonMember.client;
    const member = w.actors.member.client;
    const ghostTeam = randomUUID();
    for (const format of FORMATS) {
      const nowhere = await get(nonMember, exportUrl(d.revealed, format, ghostTeam));
      expect([nowhere.status, nowhere.type], `${format} in a team that does not exist`).toEqual([404, TEXT]);
      const cases: [string, Client, string][] = [
        ["non-member, own team's decision", nonMember, exportUrl(d.revealed, format)],
        ["removed member, own team's decision", w.actors.removed.client, exportUrl(d.revealed, format)],
        ["member, another team's decision", member, exportUrl(d.stranger, format)],
      ];
      for (const [who, client, url] of cases) {
        const a = await get(client, url);
        expect({ status: a.status, type: a.type, body: a.body }, `${who}: ${format}`).toEqual({ status: 404, type: TEXT, body: nowhere.body });
      }
      // Another team's decision under one's own team id: not found either, and nothing of it shown.
      const mixed = await get(member, exportUrl(d.stranger, format, w.own.teamId));
      expect([mixed.status, mixed.type], `mixed ids: ${format}`).toEqual([404, TEXT]);
      expect(mixed.body).not.toContain(d.stranger.title);
      const ghost = await get(member, exportUrl({ ...d.revealed, id: randomUUID() }, format));
      expect([ghost.status, ghost.type], `unknown decision: ${format}`).toEqual([404, TEXT]);
    }
    const radarNowhere = await get(nonMember, radarUrl(ghostTeam));
    expect([radarNowhere.status, radarNowhere.type]).toEqual([404, TEXT]);
    for (const [who, client, url] of [
      ["non-member", nonMember, radarUrl()],
      ["member, another team", member, radarUrl(w.other.teamId)],
    ] as const) {
      const a = await get(client, url);
      expect({ status: a.status, type: a.type, body: a.body }, `radar: ${who}`).toEqual({ status: 404, type: TEXT, body: radarNowhere.body });
    }
  });

  test("malformed ids are 404, never a server error", async () => {
    const member = w.actors.member.client;
    for (const bad of MALFORMED_IDS) {
      const urls = [
        ...FORMATS.map((f) => `/teams/${bad}/decisions/${d.revealed.id}/export/${f}`),
        ...FORMATS.map((f) => `/teams/${w.own.teamId}/decisions/${bad}/export/${f}`),
        radarUrl(bad),
        // The live stream answers a bad id before it opens: a plain 404, never a stream.
        `/api/teams/${bad}/decisions/${d.revealed.id}/live`,
        `/api/teams/${w.own.teamId}/decisions/${bad}/live`,
        `/api/teams/${bad}/live`,
      ];
      for (const url of urls) {
        const a = await get(member, url);
        expect([a.status, a.type], url.slice(0, 120)).toEqual([404, TEXT]);
      }
    }
  });

  test("an unknown export format is 404 and names the formats there are", async () => {
    for (const format of ["pdf", "MADR", "csv.exe", "json%00", "madr.", "..%2Fjson"]) {
      for (const client of [w.actors.member.client, w.actors.nonMember.client]) {
        const a = await get(client, exportUrl(d.revealed, format));
        expect([a.status, a.type], `${format}`).toEqual([404, TEXT]);
        expect(a.disposition).toBeNull();
        expect(a.body).not.toContain(d.revealed.title);
      }
      expect((await get(w.actors.member.client, exportUrl(d.revealed, format))).body).toMatch(/Use madr .* json .* or csv/);
    }
  });

  test("the radar's newWithinDays must be a whole number of days: 400 otherwise", async () => {
    for (const bad of ["abc", "-1", "3651", "1.5", ""]) {
      const a = await get(w.actors.member.client, radarUrl(undefined, `?newWithinDays=${bad}`));
      // An empty value coerces to 0, which is a valid window.
      if (bad === "") expect(a.status, "newWithinDays=").toBe(200);
      else expect([a.status, a.type], `newWithinDays=${bad}`).toEqual([400, TEXT]);
    }
    expect((await get(w.actors.member.client, radarUrl(undefined, "?newWithinDays=3650"))).status).toBe(200);
  });

  test("a sealed decision: no scores CSV (409), the structure-only exports download", async () => {
    for (const who of ["viewer", "member", "facilitator"] as const) {
      const csv = await get(w.actors[who].client, exportUrl(d.sealed, "csv"));
      expect([csv.status, csv.type, csv.disposition], `${who}: csv`).toEqual([409, TEXT, null]);
      expect(csv.body).toMatch(/sealed until the facilitator reveals/);
      for (const format of ["madr", "json"] as const) {
        const a = await get(w.actors[who].client, exportUrl(d.sealed, format));
        expect([a.status, a.type], `${who}: ${format}`).toEqual([200, CONTENT_TYPE[format]]);
        expect(a.body).toContain(d.sealed.title);
        // The member's comment is in their ballot, which a sealed export does not even read.
        expect(a.body).not.toContain("https://example.com/e");
      }
    }
  });

  for (const phase of ["revealed", "decided"] as const) {
    test(`a ${phase} decision: every format downloads for a viewer, with its type and filename`, async () => {
      const decision = d[phase];
      const extension = { madr: ".md", json: ".json", csv: "-scores.csv" };
      for (const format of FORMATS) {
        const a = await get(w.actors.viewer.client, exportUrl(decision, format));
        expect([a.status, a.type], format).toEqual([200, CONTENT_TYPE[format]]);
        expect(a.disposition, format).toMatch(new RegExp(`^attachment; filename="\\d{4}-${slug(decision.title)}${extension[format].replace(".", "\\.")}"$`));
        expect(a.cache, format).toBe("private, no-store");
      }
      const json = JSON.parse((await get(w.actors.viewer.client, exportUrl(decision, "json"))).body) as { decision: { title: string; status: string } };
      expect(json.decision).toMatchObject({ title: decision.title, status: phase });
      expect((await get(w.actors.viewer.client, exportUrl(decision, "madr"))).body).toContain(decision.title);
      const csv = (await get(w.actors.viewer.client, exportUrl(decision, "csv"))).body;
      expect(csv.split(/\r?\n/)[0]).toBe("round,member,option,criterion,score,comment,evidence");
      expect(csv).toContain("https://example.com/e");
    });
  }

  test("the radar downloads for a viewer as CSV named after the team, with the decided decision in it", async () => {
    const a = await get(w.actors.viewer.client, radarUrl());
    expect([a.status, a.type]).toEqual([200, CONTENT_TYPE.csv]);
    expect(a.disposition).toBe(`attachment; filename="${slug(teamName).replace(/[^a-z0-9-]/g, "-")}-tech-radar.csv"`);
    expect(a.cache).toBe("private, no-store");
    expect(a.body).toContain(d.decided.title);
    expect(a.body).not.toContain(d.revealed.title);
  });

  test("only GET is served: HEAD answers as GET without a body, OPTIONS lists the methods, others are 405", async () => {
    const member = w.actors.member.client;
    for (const [url, type] of everyRoute()) {
      const head = await member.http.head(url, { failOnStatusCode: false });
      expect([head.status(), head.headers()["content-type"]], `HEAD ${url}`).toEqual([200, type]);
      expect((await head.body()).length, `HEAD ${url}: body`).toBe(0);
      const options = await member.http.fetch(url, { method: "OPTIONS", failOnStatusCode: false });
      expect([options.status(), options.headers()["allow"]], `OPTIONS ${url}`).toEqual([204, "GET, HEAD, OPTIONS"]);
      for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
        const r = await member.http.fetch(url, { method, failOnStatusCode: false, data: "x" });
        expect(r.status(), `${method} ${url}`).toBe(405);
        // Next answers 405 with an empty body (and, against RFC 9110, no Allow header; OPTIONS has it).
        expect((await r.body()).length, `${method} ${url}: body`).toBe(0);
      }
    }
    // Signed out, the front door still answers first.
    const anonymous = await w.actors.anonymous.client.http.post(radarUrl(), { failOnStatusCode: false, data: "x" });
    expect(anonymous.status()).toBe(307);
  });
});

type Page = { path: (teamId: string, decision: db.DecisionRow) => string; decision: keyof typeof d };
/** Every page under /teams/:teamId, with the decision it is read against. */
const PAGES = {
  team: { path: (t) => `/teams/${t}`, decision: "revealed" },
  decisions: { path: (t) => `/teams/${t}/decisions`, decision: "revealed" },
  new: { path: (t) => `/teams/${t}/decisions/new`, decision: "revealed" },
  decision: { path: (t, x) => `/teams/${t}/decisions/${x.id}`, decision: "revealed" },
  weights: { path: (t, x) => `/teams/${t}/decisions/${x.id}/weights`, decision: "revealed" },
  scores: { path: (t, x) => `/teams/${t}/decisions/${x.id}/scores`, decision: "revealed" },
  results: { path: (t, x) => `/teams/${t}/decisions/${x.id}/results`, decision: "revealed" },
  decide: { path: (t, x) => `/teams/${t}/decisions/${x.id}/decide`, decision: "revealed" },
  edit: { path: (t, x) => `/teams/${t}/decisions/${x.id}/edit`, decision: "draft" },
} satisfies Record<string, Page>;
type PageName = keyof typeof PAGES;
const pageUrl = (name: PageName, teamId = w.own.teamId, decision = d[PAGES[name].decision]) => PAGES[name].path(teamId, decision);

/** What each member of the own team gets: 404, or 200 with `shows` on the page (and `hides` not). */
type Outcome = 404 | { shows: string; hides?: string };
const VIEWS = "As a viewer you follow this decision without voting.";
const NOT_FACILITATOR = "Only the facilitator of this decision, or a team owner or admin, can edit it.";
const EDIT_FORM = "Change the options, criteria and settings while this is a draft.";
const DECIDE_FORM = "Write the outcome as an architecture decision record";
const NEW_FORM = "Shortlist the options and agree on the criteria.";
const NEW_LINK = ">New decision</a>";
const AS: Record<PageName, Record<"viewer" | "member" | "facilitator" | "owner", Outcome>> = {
  team: {
    viewer: { shows: "You are a <strong>viewer</strong>" },
    member: { shows: "You are a <strong>member</strong>" },
    facilitator: { shows: "You are a <strong>member</strong>" },
    owner: { shows: "You are an <strong>owner</strong>" },
  },
  decisions: {
    viewer: { shows: "Decision log", hides: NEW_LINK },
    member: { shows: NEW_LINK },
    facilitator: { shows: NEW_LINK },
    owner: { shows: NEW_LINK },
  },
  // Viewers cannot start a decision: like a stranger, they get the not-found page.
  new: { viewer: 404, member: { shows: NEW_FORM }, facilitator: { shows: NEW_FORM }, owner: { shows: NEW_FORM } },
  decision: { viewer: { shows: "Taking part" }, member: { shows: "Taking part" }, facilitator: { shows: "Taking part" }, owner: { shows: "Taking part" } },
  weights: {
    viewer: { shows: VIEWS },
    member: { shows: "Weighting is closed", hides: VIEWS },
    facilitator: { shows: "Weighting is closed", hides: VIEWS },
    owner: { shows: "Weighting is closed", hides: VIEWS },
  },
  scores: {
    viewer: { shows: VIEWS },
    member: { shows: "Scoring is closed", hides: VIEWS },
    facilitator: { shows: "Scoring is closed", hides: VIEWS },
    owner: { shows: "Scoring is closed", hides: VIEWS },
  },
  results: {
    viewer: { shows: "Weighted ranking", hides: "are sealed" },
    member: { shows: "Weighted ranking", hides: "are sealed" },
    facilitator: { shows: "Weighted ranking", hides: "are sealed" },
    owner: { shows: "Weighted ranking", hides: "are sealed" },
  },
  // Only whoever runs the decision records it; everyone else is told the page is not there.
  decide: { viewer: 404, member: 404, facilitator: { shows: DECIDE_FORM }, owner: { shows: DECIDE_FORM } },
  // Editing answers every member with the page, with a refusal on it for those who may not edit.
  edit: {
    viewer: { shows: NOT_FACILITATOR, hides: EDIT_FORM },
    member: { shows: NOT_FACILITATOR, hides: EDIT_FORM },
    facilitator: { shows: EDIT_FORM, hides: NOT_FACILITATOR },
    owner: { shows: EDIT_FORM, hides: NOT_FACILITATOR },
  },
};

/** The page as text to search: React's separators between adjacent text nodes removed. */
const visible = (html: string) => html.replace(/<!-- -->/g, "");

// Next sends a 404 as its error shell with the not-found page in the RSC payload, rendered by the
// client; every page's payload also carries that page for the boundary, so the text alone says little.
const NOT_FOUND_TEXT = "This page does not exist, or you do not have access to it.";
const ERROR_SHELL = '<html id="__next_error__">';

/** The app's not-found page, as a real 404, showing nothing of what was asked for. */
function expectNotFoundPage(a: Answer, what: string, secrets: string[]) {
  expect([a.status, a.type], what).toEqual([404, expect.stringMatching(HTML)]);
  expect(a.body, what).toContain(ERROR_SHELL);
  expect(a.body, what).toContain(NOT_FOUND_TEXT);
  for (const secret of secrets) expect(a.body, `${what}: leaks ${secret}`).not.toContain(secret);
}

test.describe("page loaders", () => {
  const pageNames = Object.keys(PAGES) as PageName[];

  test("anonymous: every page redirects to /sign-in with a callbackUrl back to it", async () => {
    for (const name of pageNames) {
      const url = pageUrl(name);
      const a = await get(w.actors.anonymous.client, url);
      expectSignInRedirect(a, url);
      expect(a.body).not.toContain(teamName);
    }
  });

  test("a non-member, a removed member and a member of another team get the not-found page", async () => {
    for (const name of pageNames) {
      const secrets = [teamName, d.revealed.title, d.draft.title];
      expectNotFoundPage(await get(w.actors.nonMember.client, pageUrl(name)), `non-member: ${name}`, secrets);
      expectNotFoundPage(await get(w.actors.removed.client, pageUrl(name)), `removed: ${name}`, secrets);
      const stranger = pageUrl(name, w.other.teamId, d.stranger);
      expectNotFoundPage(await get(w.actors.member.client, stranger), `member, other team: ${name}`, [d.stranger.title]);
      // The other team's decision under the own team's id (team-level pages have no decision id to mix).
      const mixed = pageUrl(name, w.own.teamId, d.stranger);
      if (mixed !== pageUrl(name)) expectNotFoundPage(await get(w.actors.member.client, mixed), `member, mixed ids: ${name}`, [d.stranger.title]);
      expectNotFoundPage(await get(w.actors.member.client, pageUrl(name, randomUUID(), { ...d.revealed, id: randomUUID() })), `unknown ids: ${name}`, []);
    }
  });

  test("malformed ids get the not-found page, never a server error", async () => {
    for (const name of pageNames) {
      for (const bad of MALFORMED_IDS) {
        expectNotFoundPage(await get(w.actors.member.client, pageUrl(name, bad)), `team id ${bad}: ${name}`, []);
        const badDecision = pageUrl(name, w.own.teamId, { ...d.revealed, id: bad });
        if (badDecision !== pageUrl(name)) expectNotFoundPage(await get(w.actors.member.client, badDecision), `decision id ${bad}: ${name}`, []);
      }
    }
  });

  for (const who of ["viewer", "member", "facilitator", "owner"] as const) {
    test(`as a ${who} of the team: what each page answers`, async () => {
      for (const name of pageNames) {
        const expected = AS[name][who];
        const a = await get(w.actors[who].client, pageUrl(name));
        if (expected === 404) {
          expectNotFoundPage(a, `${who}: ${name}`, [d[PAGES[name].decision].title]);
          continue;
        }
        expect([a.status, a.type], `${who}: ${name}`).toEqual([200, expect.stringMatching(HTML)]);
        expect(a.body, `${who}: ${name}`).toContain(name === "team" || name === "decisions" || name === "new" ? teamName : d[PAGES[name].decision].title);
        expect(visible(a.body), `${who}: ${name}`).toContain(expected.shows);
        if (expected.hides) expect(visible(a.body), `${who}: ${name}`).not.toContain(expected.hides);
        expect(a.body, `${who}: ${name} is not the not-found page`).not.toContain(ERROR_SHELL);
      }
    });
  }
});
