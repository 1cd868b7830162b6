import { beforeAll, expect, test } from "vitest";
import type { Db } from "../../db/client";
import { listDecisions } from "../../db/queries/decisions";
import { listInvites } from "../../db/queries/invites";
import { listMembers } from "../../db/queries/teams";
import { DECISION_STATUSES, type DecisionStatus, effectiveStatus } from "../../lib/domain/phases";
import { readTeam } from "../../lib/services/access";
import { decisionLogData, LOG_PAGE } from "../../lib/services/pages/decision-log";
import { INVITES_PAGE, MEMBERS_PAGE, teamPageData } from "../../lib/services/pages/team-page";
import type { DecisionLogQuery, TeamPageQuery } from "../../lib/validation/page-query";
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

  const teamPage = (t: TeamOfSize, query: TeamPageQuery) => async (db: Db) => teamPageData(await readTeam(db, t.owner.id, t.teamId, "team.view"), query);
  const logPage = (t: TeamOfSize, query: DecisionLogQuery) => async (db: Db) => decisionLogData(await readTeam(db, t.owner.id, t.teamId, "team.view"), query);

  /** Runs the same page at both sizes; returns the statements each ran. */
  async function atBothSizes(page: (t: TeamOfSize) => (db: Db) => Promise<unknown>) {
    const atSmall = await countQueries(ctx, page(small));
    const atLarge = await countQueries(ctx, page(large));
    return { small: atSmall.queries.length, large: atLarge.queries.length };
  }

  test.each([
    ["the team page", (t: TeamOfSize) => teamPage(t, { members: 1, invites: 1 })],
    ["the team page, later pages of members and invites", (t: TeamOfSize) => teamPage(t, { members: 5, invites: 2 })],
    ["the decision log", (t: TeamOfSize) => logPage(t, { page: 1 })],
    ["the decision log, filtered and paged", (t: TeamOfSize) => logPage(t, { status: "scoring", q: "queue", page: 2 })],
  ])("%s: the same statements for a small and a large team, within the budget", async (_name, page) => {
    const counts = await atBothSizes(page);
    expect(counts.large).toBe(counts.small);
    expect(counts.large + SESSION_LOOKUP).toBeLessThanOrEqual(BUDGET);
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
