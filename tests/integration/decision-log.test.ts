import { beforeAll, expect, test } from "vitest";
import { listDecisions } from "../../db/queries/decisions";
import { listDecisionEvents } from "../../db/queries/events";
import type { DecisionStatus } from "../../lib/domain/phases";
import { type DecisionFixture, decisionIn, ensureCatalog, moveTo, weightSheet } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";
import { eventsOf } from "../support/inspect";
import { saveWeights } from "../support/use-cases";

// Team A's log, oldest first. Titles exercise case, and the LIKE wildcards % and _ taken literally.
const LOG: [string, DecisionStatus][] = [
  ["Pick a web framework", "decided"],
  ["Cut costs by 50%", "draft"],
  ["Rename snake_case columns", "weighting"],
  ["WEB hosting provider", "scoring"],
  ["Snakecase or camelCase", "revealed"],
  ["Keep logs 100 days", "withdrawn"],
  ["Escape C:\\temp paths", "draft"],
];
// Team B has look-alikes that must never show up in team A's log.
const ELSEWHERE: [string, DecisionStatus][] = [
  ["Pick a web framework", "decided"],
  ["100% uptime", "draft"],
  ["snake_case everywhere", "weighting"],
];

describeEachDriver("decision log", (ctx) => {
  let u: Record<"owner" | "facilitator", TestUser>;
  let teamA: string;
  let teamB: string;
  const ids = new Map<string, string>();
  const fixtures: DecisionFixture[] = [];

  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    u = await createUsers(ctx.db, ["owner", "facilitator"]);
    teamA = (await createTeamWith(ctx.db, { owner: u.owner, member: u.facilitator })).id;
    teamB = (await createTeamWith(ctx.db, { owner: u.owner, member: u.facilitator })).id;
    for (const [title, status] of LOG) {
      const fx = await decisionIn(ctx.db, status, u.facilitator.id, teamA, { title });
      ids.set(title, fx.decisionId);
      fixtures.push(fx);
    }
    for (const [title, status] of ELSEWHERE) await decisionIn(ctx.db, status, u.facilitator.id, teamB, { title });
  });

  const titles = async (filter: Parameters<typeof listDecisions>[2]) => (await listDecisions(ctx.db, teamA, filter)).map((d) => d.title);

  test("lists only the team's decisions, newest first, with facilitator and chosen option", async () => {
    const list = await listDecisions(ctx.db, teamA);

    expect(list.map((d) => d.title)).toEqual(LOG.map(([title]) => title).reverse());
    expect(list.map((d) => d.id)).toEqual(LOG.map(([title]) => ids.get(title)).reverse());
    expect(list.every((d) => d.facilitatorName === "facilitator")).toBe(true);
    // The factory decides on the first option, Alpha.
    expect(list.find((d) => d.status === "decided")).toMatchObject({ title: "Pick a web framework", chosenOptionName: "Alpha" });
    expect(list.filter((d) => d.chosenOptionName !== null)).toHaveLength(1);
  });

  test.each(["draft", "weighting", "scoring", "revealed", "decided", "withdrawn"] as const)("filters by status: %s", async (status) => {
    const expected = LOG.filter(([, s]) => s === status)
      .map(([title]) => title)
      .reverse();
    expect(await titles({ status })).toEqual(expected);
  });

  test.each([
    { q: "web", expected: ["WEB hosting provider", "Pick a web framework"] },
    { q: "WEB", expected: ["WEB hosting provider", "Pick a web framework"] },
    { q: "sNaKe", expected: ["Snakecase or camelCase", "Rename snake_case columns"] },
    { q: "%", expected: ["Cut costs by 50%"] },
    { q: "50%", expected: ["Cut costs by 50%"] },
    { q: "1%", expected: [] },
    { q: "_", expected: ["Rename snake_case columns"] },
    { q: "snake_case", expected: ["Rename snake_case columns"] },
    { q: "e_c", expected: ["Rename snake_case columns"] },
    { q: "\\", expected: ["Escape C:\\temp paths"] },
    { q: "\\t", expected: ["Escape C:\\temp paths"] },
    { q: "uptime", expected: [] },
  ])("searching titles for '$q' is case-insensitive and literal", async ({ q, expected }) => {
    expect(await titles({ q })).toEqual(expected);
  });

  test("status and search combine", async () => {
    expect(await titles({ status: "decided", q: "WEB" })).toEqual(["Pick a web framework"]);
    expect(await titles({ status: "draft", q: "web" })).toEqual([]);
  });

  test("the other team's log has only its own decisions", async () => {
    expect((await listDecisions(ctx.db, teamB)).map((d) => d.title)).toEqual(ELSEWHERE.map(([title]) => title).reverse());
    expect((await listDecisions(ctx.db, teamB, { q: "%" })).map((d) => d.title)).toEqual(["100% uptime"]);
  });

  test("listDecisionEvents returns one decision's events, in order, and nothing through another team", async () => {
    const fx = fixtures[LOG.findIndex(([, s]) => s === "weighting")]!;
    const sibling = fixtures[LOG.findIndex(([, s]) => s === "scoring")]!;
    await saveWeights(ctx.db, u.owner.id, weightSheet(fx, [4, 6]));
    await saveWeights(ctx.db, u.facilitator.id, weightSheet(fx, [1, 1]));
    await saveWeights(ctx.db, u.owner.id, weightSheet(fx, [5, 5]));
    await moveTo(ctx.db, fx, "scoring");

    const timeline = await listDecisionEvents(ctx.db, teamA, fx.decisionId);

    expect(timeline.map((e) => [e.type, e.actorName])).toEqual([
      ["decision.created", "facilitator"],
      ["decision.phase_changed", "facilitator"],
      ["weights.submitted", "owner"],
      ["weights.submitted", "facilitator"],
      ["weights.updated", "owner"],
      ["decision.phase_changed", "facilitator"],
    ]);
    expect(timeline.map((e) => e.id)).toEqual([...timeline.map((e) => e.id)].sort((a, b) => a - b));
    const teamLog = await eventsOf(ctx.db, teamA);
    expect(timeline.map((e) => e.id)).toEqual(teamLog.filter((e) => e.decisionId === fx.decisionId).map((e) => e.id));
    const siblingIds = new Set((await listDecisionEvents(ctx.db, teamA, sibling.decisionId)).map((e) => e.id));
    expect(timeline.some((e) => siblingIds.has(e.id))).toBe(false);
    expect(await listDecisionEvents(ctx.db, teamB, fx.decisionId)).toEqual([]);
  });
});
