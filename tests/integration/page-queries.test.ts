import { beforeAll, expect, test } from "vitest";
import type { Db } from "../../db/client";
import { progress } from "../../db/queries/ballots";
import { listDecisions } from "../../db/queries/decisions";
import { listDecisionEvents } from "../../db/queries/events";
import { listInvites } from "../../db/queries/invites";
import { listMembers } from "../../db/queries/teams";
import { VOTING_ROLES } from "../../lib/auth/roles";
import { DECISION_STATUSES, type DecisionStatus, effectiveStatus } from "../../lib/domain/phases";
import { type DecisionView, readDecision, readTeam } from "../../lib/services/access";
import { decisionLogData, LOG_PAGE } from "../../lib/services/pages/decision-log";
import { decisionPageData, SUPERSEDE_CANDIDATES, TIMELINE_PAGE, VOTERS_PAGE } from "../../lib/services/pages/decision-page";
import { followPageData } from "../../lib/services/pages/follow-page";
import { progressCounts } from "../../lib/services/pages/progress-counts";
import { INVITES_PAGE, MEMBERS_PAGE, teamPageData } from "../../lib/services/pages/team-page";
import type { DecisionLogQuery, DecisionPageQuery, TeamPageQuery } from "../../lib/validation/page-query";
import { ensureCatalog } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createUsers } from "../support/factories";
import { countQueries } from "../support/query-count";
import { seedTeamOfSize, type TeamOfSize } from "../support/team-of-size";

// Each bounded page reads what it shows in a fixed number of statements, the access check
// included, whether the team is tiny or large. The request's session lookup (findSessionUser, one
// statement) comes on top, and the whole must stay within the budget.

const BUDGET = 8;
const SESSION_LOOKUP = 1;
const SMALL = { members: 3, events: 10, decisions: 5, invites: 2 };
const LARGE = { members: 250, events: 1500, decisions: 300, invites: 60 };

describeEachDriver("page queries", (ctx) => {
  let small: TeamOfSize;
  let large: TeamOfSize;

  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    const u = await createUsers(ctx.db, ["small", "large"]);
    small = await seedTeamOfSize(ctx.db, u.small, SMALL);
    large = await seedTeamOfSize(ctx.db, u.large, LARGE);
  }, 120_000);

  const decisionPage = (t: TeamOfSize, decisionId: string, query: DecisionPageQuery) => async (db: Db) =>
    decisionPageData(await readDecision(db, t.owner.id, { teamId: t.teamId, decisionId }, "decision.view"), query);
  const followPage = (t: TeamOfSize, decisionId: string) => async (db: Db) =>
    followPageData(await readDecision(db, t.owner.id, { teamId: t.teamId, decisionId }, "decision.view"));
  const sealedResultsPage = (t: TeamOfSize, decisionId: string) => async (db: Db) =>
    progressCounts(await readDecision(db, t.owner.id, { teamId: t.teamId, decisionId }, "decision.view"));
  const teamPage = (t: TeamOfSize, query: TeamPageQuery) => async (db: Db) => teamPageData(await readTeam(db, t.owner.id, t.teamId, "team.view"), query);
  const logPage = (t: TeamOfSize, query: DecisionLogQuery) => async (db: Db) => decisionLogData(await readTeam(db, t.owner.id, t.teamId, "team.view"), query);

  /** The decision page's data as `view` sees it; the decision exists in every test here. */
  async function pageOf(view: DecisionView, query: DecisionPageQuery) {
    const data = await decisionPageData(view, query);
    if (!data) throw new Error(`decision ${view.decision.id} has no page`);
    return data;
  }
  const viewAs = (userId: string, t: TeamOfSize, decisionId: string, now?: Date) =>
    readDecision(ctx.db, userId, { teamId: t.teamId, decisionId }, "decision.view", now);

  /** Runs the same page at both sizes; returns the statements each ran. */
  async function atBothSizes(page: (t: TeamOfSize) => (db: Db) => Promise<unknown>) {
    const atSmall = await countQueries(ctx, page(small));
    const atLarge = await countQueries(ctx, page(large));
    return { small: atSmall.queries.length, large: atLarge.queries.length };
  }

  test.each([
    ["the latest events, first page of voters", (t: TeamOfSize) => decisionPage(t, t.busy.decisionId, { voters: 1 })],
    ["earlier events, a later page of voters", (t: TeamOfSize) => decisionPage(t, t.busy.decisionId, { voters: 3, before: Number.MAX_SAFE_INTEGER })],
    ["a decided decision its facilitator may supersede", (t: TeamOfSize) => decisionPage(t, t.decided.decisionId, { voters: 1 })],
    ["a superseded decision", (t: TeamOfSize) => decisionPage(t, t.superseded, { voters: 1 })],
    ["the weights or scores page of someone who cannot vote", (t: TeamOfSize) => followPage(t, t.busy.decisionId)],
    ["the results page while they are sealed", (t: TeamOfSize) => sealedResultsPage(t, t.busy.decisionId)],
    ["the team page", (t: TeamOfSize) => teamPage(t, { members: 1, invites: 1 })],
    ["the team page, later pages of members and invites", (t: TeamOfSize) => teamPage(t, { members: 5, invites: 2 })],
    ["the decision log", (t: TeamOfSize) => logPage(t, { page: 1 })],
    ["the decision log, filtered and paged", (t: TeamOfSize) => logPage(t, { status: "scoring", q: "queue", page: 2 })],
  ])("%s: the same statements for a small and a large team, within the budget", async (_name, page) => {
    const counts = await atBothSizes(page);
    expect(counts.large).toBe(counts.small);
    expect(counts.large + SESSION_LOOKUP).toBeLessThanOrEqual(BUDGET);
  });

  test("the decision page's progress: the counts of every voter, the viewer's own state, voters a page at a time", async () => {
    const { busy, owner, teamId } = large;
    const everyone = await progress(ctx.db, teamId, busy.decisionId, 1, VOTING_ROLES);
    const view = await viewAs(owner.id, large, busy.decisionId);
    const pages = [];
    for (let voters = 1; voters <= Math.ceil(everyone.eligible / VOTERS_PAGE) + 1; voters++) pages.push((await pageOf(view, { voters })).progress);

    const first = pages[0]!;
    expect(first).toMatchObject({ eligible: everyone.eligible, weighted: everyone.weighted, scored: everyone.scored, page: 1, total: everyone.eligible });
    expect(first.pageCount).toBe(Math.ceil(everyone.eligible / VOTERS_PAGE));
    expect(first.weighted).toBeGreaterThan(0);
    expect(first.scored).toBeLessThan(first.weighted);
    expect(first.voters).toHaveLength(VOTERS_PAGE);
    expect(pages.at(-1)!.voters).toEqual([]);
    // Every voter exactly once across the pages, with the same state as the full list gives.
    const byId = <T extends { userId: string }>(list: T[]) => [...list].sort((a, b) => a.userId.localeCompare(b.userId));
    expect(byId(pages.flatMap((p) => p.voters))).toEqual(
      byId(everyone.voters.map(({ userId, name, weighted, scored }) => ({ userId, name, weighted, scored }))),
    );
    // The owner (a voter) has submitted nothing; a member who weighted and scored sees it on any page.
    expect(first.me).toEqual({ weighted: false, scored: false, weightsSetAside: false });
    const voter = everyone.voters.find((v) => v.scored)!;
    const theirs = await pageOf(await viewAs(voter.userId, large, busy.decisionId), { voters: 4 });
    expect(theirs.progress.me).toEqual({ weighted: true, scored: true, weightsSetAside: false });
  });

  test("the page of someone who cannot vote: what is scored, who facilitates and the counts, as the decision page has them", async () => {
    const { busy, others, teamId } = large;
    const viewer = others.find((_, i) => i % 5 === 4)!;
    const view = await viewAs(viewer.id, large, busy.decisionId);
    expect(view.actor.role).toBe("viewer");
    const data = await followPageData(view);
    const page = await pageOf(view, { voters: 1 });
    const everyone = await progress(ctx.db, teamId, busy.decisionId, 1, VOTING_ROLES);
    expect(data).toEqual({
      facilitatorName: page.facilitatorName,
      options: page.options,
      criteria: page.criteria,
      progress: { eligible: everyone.eligible, weighted: everyone.weighted, scored: everyone.scored },
    });
    expect(data!.options.length).toBeGreaterThan(1);
  });

  test("the results page while they are sealed: the decision page's counts, and whether the viewer's own part is done", async () => {
    const { busy, owner, teamId } = large;
    const everyone = await progress(ctx.db, teamId, busy.decisionId, 1, VOTING_ROLES);
    const asOwner = await progressCounts(await viewAs(owner.id, large, busy.decisionId));
    expect(asOwner).toEqual({
      eligible: everyone.eligible,
      weighted: everyone.weighted,
      scored: everyone.scored,
      me: { weighted: false, scored: false, weightsSetAside: false },
    });
    expect(asOwner.scored).toBeGreaterThan(0);
    const voter = everyone.voters.find((v) => v.scored)!;
    const asVoter = await progressCounts(await viewAs(voter.userId, large, busy.decisionId));
    expect(asVoter.me).toEqual({ weighted: true, scored: true, weightsSetAside: false });
  });

  test("the timeline comes a page at a time, latest first; following 'earlier' reaches every event once, in order", async () => {
    const { busy, owner, teamId } = large;
    const all = await listDecisionEvents(ctx.db, teamId, busy.decisionId);
    const view = await viewAs(owner.id, large, busy.decisionId);
    const pages = [];
    let before: number | undefined;
    do {
      const { timeline } = await pageOf(view, { voters: 1, before });
      expect(timeline.events.length).toBeLessThanOrEqual(TIMELINE_PAGE);
      expect(timeline.latest).toBe(before === undefined);
      pages.unshift(timeline.events);
      before = timeline.earlierBefore;
    } while (before !== undefined);

    expect(pages.length).toBe(Math.ceil(all.length / TIMELINE_PAGE));
    expect(pages.flat()).toEqual(all);
  });

  test("passed deadlines not yet recorded end the latest page of the timeline, and only that one", async () => {
    const { owner, teamId } = large;
    const now = new Date();
    const rows = await listDecisions(ctx.db, teamId, { status: "revealed" }, { limit: 500, offset: 0 }, now);
    const moved = rows.find((d) => d.status === "weighting")!;
    const view = await viewAs(owner.id, large, moved.id, now);
    expect(view.pendingTransitions.map((t) => t.to)).toEqual(["scoring", "revealed"]);

    const latest = await pageOf(view, { voters: 1 });
    expect(latest.timeline.events.slice(-2).map((e) => [e.type, e.payload.to])).toEqual([
      ["decision.phase_changed", "scoring"],
      ["decision.phase_changed", "revealed"],
    ]);
    const earlier = await pageOf(view, { voters: 1, before: Number.MAX_SAFE_INTEGER });
    expect(earlier.timeline.events.every((e) => e.id > 0)).toBe(true);
  });

  test("a decided decision: its record, what it supersedes, and only decided, unsuperseded decisions as successors", async () => {
    const { decided, superseded, owner, teamId } = large;
    const data = await pageOf(await viewAs(owner.id, large, decided.decisionId), { voters: 1 });

    expect(data.outcome).toMatchObject({ chosenOptionName: "Alpha", record: { decision: "We picked the best fit." } });
    expect(data.outcome!.decidedAt).toBeInstanceOf(Date);
    expect(data.facilitatorName).toBe(owner.name);
    expect(data.options.map((o) => o.name)).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(data.options[1]).toEqual({
      id: decided.options[1]!.id,
      name: "Beta",
      description: "The second option",
      link: "https://beta.example.com",
      frameworkSlug: null,
    });
    expect(data.criteria.map((c) => c.name)).toEqual(["Speed", "Cost"]);
    expect(data.supersedes).toEqual([{ id: superseded, title: expect.stringMatching(/^Logged /) }]);
    expect(data.supersededBy).toBeNull();

    const decidedRows = (await listDecisions(ctx.db, teamId, { status: "decided" }, { limit: 500, offset: 0 })).filter(
      (d) => d.id !== decided.decisionId && !d.supersededById,
    );
    expect(decidedRows.length).toBeGreaterThan(SUPERSEDE_CANDIDATES);
    expect(data.candidates).toEqual(decidedRows.slice(0, SUPERSEDE_CANDIDATES).map(({ id, title }) => ({ id, title })));

    const old = await pageOf(await viewAs(owner.id, large, superseded), { voters: 1 });
    expect(old.supersededBy).toEqual({ id: decided.decisionId, title: "Decided decision" });
    expect(old.candidates).toEqual([]);
    expect(old.outcome).toBeNull();
  });

  test("a member who does not facilitate is offered no successors", async () => {
    const { decided, others } = large;
    const data = await pageOf(await viewAs(others[0]!.id, large, decided.decisionId), { voters: 1 });
    expect(data.candidates).toEqual([]);
  });

  test("the decision log filters by the status deadlines give, and by title, in the database, a page at a time with a total", async () => {
    const { owner, teamId } = large;
    const now = new Date();
    const view = await readTeam(ctx.db, owner.id, teamId, "team.view", now);
    const everything = (await listDecisions(ctx.db, teamId, {}, { limit: 1000, offset: 0 }, now)).map((d) => ({ ...d, effective: effectiveStatus(d, now) }));
    expect(everything).toHaveLength(LARGE.decisions);
    expect(everything.some((d) => d.effective !== d.status)).toBe(true);

    const filters: { status?: DecisionStatus; q?: string }[] = [
      {},
      { q: "QUEUE" },
      ...DECISION_STATUSES.map((status) => ({ status })),
      { status: "revealed", q: "cache" },
    ];
    for (const filter of filters) {
      const expected = everything.filter(
        (d) => (!filter.status || d.effective === filter.status) && (!filter.q || d.title.toLowerCase().includes(filter.q.toLowerCase())),
      );
      const pages = [];
      let data;
      let page = 1;
      do {
        data = (await decisionLogData(view, { ...filter, page }))!;
        expect(data.decisions.length).toBeLessThanOrEqual(LOG_PAGE);
        pages.push(...data.decisions);
        page += 1;
      } while (page <= data.pageCount);
      expect(data.total, JSON.stringify(filter)).toBe(expected.length);
      expect(pages.map((d) => [d.id, d.effectiveStatus])).toEqual(expected.map((d) => [d.id, d.effective]));
    }
  });

  test("the team page: members and invites a page at a time, the five latest decisions", async () => {
    const { owner, teamId } = large;
    const view = await readTeam(ctx.db, owner.id, teamId, "team.view");
    const allMembers = await listMembers(ctx.db, teamId);
    const allInvites = await listInvites(ctx.db, teamId, new Date(), { limit: 1000, offset: 0 });
    const members = [];
    const invites = [];
    for (let page = 1; page <= Math.ceil(LARGE.members / MEMBERS_PAGE); page++) {
      const data = (await teamPageData(view, { members: page, invites: page }))!;
      expect(data.members).toMatchObject({ page, total: LARGE.members, pageCount: Math.ceil(LARGE.members / MEMBERS_PAGE) });
      expect(data.invites.hasNext).toBe(page * INVITES_PAGE < LARGE.invites);
      members.push(...data.members.rows);
      invites.push(...data.invites.rows);
      expect(data.recentDecisions.map((d) => d.title)).toEqual([
        "Decided decision",
        "Busy decision",
        "Logged queue choice 0297",
        "Logged cache choice 0296",
        "Logged cache choice 0295",
      ]);
    }
    expect(members).toEqual(allMembers);
    expect(invites.map((i) => i.id)).toEqual(allInvites.map((i) => i.id));

    const asMember = (await teamPageData(await readTeam(ctx.db, large.others[0]!.id, teamId, "team.view"), { members: 1, invites: 1 }))!;
    expect(asMember.mayInvite).toBe(false);
    expect(asMember.invites.rows).toEqual([]);
  });
});
