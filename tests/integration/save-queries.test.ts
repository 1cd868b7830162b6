import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import * as ballots from "../../lib/services/ballots";
import { createSession, revokeSession } from "../../db/queries/sessions";
import { SignedOutError } from "../../lib/errors";
import { inDecision, inDecisionForSession, readDecision } from "../../lib/services/access";
import { decisionIn, ensureCatalog, scoreGrid, weightSheet } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";
import { eventsOfDecision, rowsOf, scoresOf, weightsOf } from "../support/inspect";
import { countQueries } from "../support/query-count";

// Saving a sheet is what a whole team does at once, so it is held to a fixed number of statements
// inside its transaction, whatever the size of the sheet or the team: the access check (role and
// locked decision together), then the ballot row and one statement for the values (checked against
// the decision's structure, upserted, and for scores cleared cells deleted) and the event, which
// holds the team's history-chain head until commit. On PostgreSQL those two leave together with COMMIT.

const TEN = (label: string) => Array.from({ length: 10 }, (_, i) => ({ name: `${label} ${i + 1}`, description: "" }));

describeEachDriver("statements per save", (ctx) => {
  let u: Record<"facilitator" | "ana", TestUser>;
  let teamId: string;

  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    u = await createUsers(ctx.db, ["facilitator", "ana"]);
    teamId = (await createTeamWith(ctx.db, { owner: u.facilitator, member: u.ana })).id;
  });

  const tenByTen = (status: "weighting" | "scoring") =>
    decisionIn(ctx.db, status, u.facilitator.id, teamId, {
      customOptions: TEN("Option").map((o) => ({ ...o, link: null })),
      criteria: TEN("Criterion"),
    });

  test("a page's access check is one query: the role and the decision together", async () => {
    const fx = await tenByTen("scoring");
    const { queries } = await countQueries(ctx, (db) => readDecision(db, u.ana.id, fx, "decision.view"));
    expect(queries).toHaveLength(1);
  });

  test("a save from the sheet's script reads the session in the access check's statement: three statements; a session ended meanwhile writes nothing", async () => {
    const fx = await tenByTen("scoring");
    const sheet = scoreGrid(
      fx,
      fx.options.map(() => fx.criteria.map(() => 2)),
    );
    const session = { userId: u.ana.id, sessionId: await createSession(ctx.db, u.ana.id, "save-queries") };
    const save = (db: typeof ctx.db) =>
      inDecisionForSession(db, session, sheet, "decision.vote", async (c, user) => ({ user: user.id, ...(await ballots.saveScores(c, sheet)) }), {
        lock: "share",
      });

    const { result, queries } = await countQueries(ctx, save);
    expect(result).toEqual({ user: u.ana.id, firstTime: true, cells: 100 });
    expect(queries).toHaveLength(3);
    expect(queries[0]).toMatch(/from "sessions".*"memberships".*for share/s);

    await revokeSession(ctx.db, u.ana.id, session.sessionId);
    await expect(save(ctx.db)).rejects.toBeInstanceOf(SignedOutError);
    expect((await eventsOfDecision(ctx.db, fx.decisionId)).filter((e) => e.type.startsWith("scores."))).toHaveLength(1);
  });

  describe("scores", () => {
    test("a full 10 × 10 sheet: three statements, one event, 100 cells; on PostgreSQL the save sends its own COMMIT", async () => {
      const fx = await tenByTen("scoring");
      const sheet = scoreGrid(
        fx,
        fx.options.map((_, o) => fx.criteria.map((_, c) => ((o + c) % 5) + 1)),
      );
      const save = (db: typeof ctx.db) => inDecision(db, u.ana.id, sheet, "decision.vote", (c) => ballots.saveScores(c, sheet), { lock: "share" });

      const first = await countQueries(ctx, save);
      const second = await countQueries(ctx, save);

      expect(first.result).toEqual({ firstTime: true, cells: 100 });
      expect(second.result).toEqual({ firstTime: false, cells: 100 });
      expect(first.queries).toHaveLength(3);
      expect(second.queries).toHaveLength(3);
      // Sent with the last two statements, in the same write, so the transaction ends without a round trip of its own.
      expect(first.commits).toBe(ctx.driver === "postgres" ? 1 : 0);
      expect(await scoresOf(ctx.db, fx.decisionId, u.ana.id)).toHaveLength(100);
      expect((await eventsOfDecision(ctx.db, fx.decisionId)).filter((e) => e.type.startsWith("scores.")).map((e) => e.type)).toEqual([
        "scores.submitted",
        "scores.updated",
      ]);
    });

    test("a save rewrites only the cells it changes: the others keep their row version and the time they last changed", async () => {
      const fx = await tenByTen("scoring");
      const grid = (firstCellScore = 3) =>
        scoreGrid(
          fx,
          fx.options.map((_, o) => fx.criteria.map((_, c) => (o === 0 && c === 0 ? firstCellScore : 3))),
        );
      const save = async (sheet: ReturnType<typeof grid>) =>
        inDecision(ctx.db, u.ana.id, sheet, "decision.vote", (c) => ballots.saveScores(c, sheet), { lock: "share" });
      // xmin names the transaction that wrote a row's current version.
      const versions = async () =>
        new Map(
          rowsOf<{ cell: string; version: string; updated: string }>(
            await ctx.db.execute(sql`
              select option_id || '.' || criterion_id as cell, xmin::text as version, updated_at::text as updated
              from scores where decision_id = ${fx.decisionId} and user_id = ${u.ana.id}`),
          ).map((r) => [r.cell, { version: r.version, updated: r.updated }]),
        );
      const firstCell = `${fx.options[0]!.id}.${fx.criteria[0]!.id}`;

      await save(grid());
      const before = await versions();
      await save(grid());
      expect(await versions()).toEqual(before);

      await save(grid(5));
      const after = await versions();
      expect(after.size).toBe(100);
      const moved = [...after].filter(([cell, row]) => row.version !== before.get(cell)?.version).map(([cell]) => cell);
      expect(moved).toEqual([firstCell]);
      expect(after.get(firstCell)!.updated).not.toBe(before.get(firstCell)!.updated);
      expect(
        (await scoresOf(ctx.db, fx.decisionId, u.ana.id)).find((r) => r.optionId === fx.options[0]!.id && r.criterionId === fx.criteria[0]!.id)?.score,
      ).toBe(5);
      // Every save is still one event in the history, whether or not it changed a cell.
      expect((await eventsOfDecision(ctx.db, fx.decisionId)).filter((e) => e.type.startsWith("scores."))).toHaveLength(3);
    });

    test("clearing cells takes no extra statement, and deletes exactly those cells", async () => {
      const fx = await tenByTen("scoring");
      const full = scoreGrid(
        fx,
        fx.options.map(() => fx.criteria.map(() => 3)),
      );
      await inDecision(ctx.db, u.ana.id, full, "decision.vote", (c) => ballots.saveScores(c, full), { lock: "share" });
      // Every cell of the first option left blank.
      const partial = scoreGrid(
        fx,
        fx.options.map((_, o) => fx.criteria.map(() => (o === 0 ? undefined : 4))),
      );

      const { result, queries } = await countQueries(ctx, (db) =>
        inDecision(db, u.ana.id, partial, "decision.vote", (c) => ballots.saveScores(c, partial), { lock: "share" }),
      );

      expect(result).toEqual({ firstTime: false, cells: 90 });
      expect(queries).toHaveLength(3);
      const rows = await scoresOf(ctx.db, fx.decisionId, u.ana.id);
      expect(rows).toHaveLength(90);
      expect(rows.every((r) => r.optionId !== fx.options[0]!.id && r.score === 4)).toBe(true);
    });
  });

  test("weights: a save rewrites only the weights it changes", async () => {
    const fx = await tenByTen("weighting");
    const save = async (first: number) => {
      const sheet = weightSheet(
        fx,
        fx.criteria.map((_, i) => (i === 0 ? first : i)),
      );
      await inDecision(ctx.db, u.ana.id, sheet, "decision.vote", (c) => ballots.saveWeights(c, sheet), { lock: "share" });
      const rows = rowsOf<{ criterion: string; version: string }>(
        await ctx.db.execute(
          sql`select criterion_id::text as criterion, xmin::text as version from weights where decision_id = ${fx.decisionId} and user_id = ${u.ana.id}`,
        ),
      );
      return new Map(rows.map((r) => [r.criterion, r.version]));
    };
    const before = await save(0);
    expect(await save(0)).toEqual(before);
    const after = await save(7);
    expect([...after].filter(([criterion, version]) => before.get(criterion) !== version).map(([criterion]) => criterion)).toEqual([fx.criteria[0]!.id]);
  });

  test("weights: three statements, one event, a weight per criterion; on PostgreSQL the save sends its own COMMIT", async () => {
    const fx = await tenByTen("weighting");
    const sheet = weightSheet(
      fx,
      fx.criteria.map((_, i) => i),
    );
    const save = (db: typeof ctx.db) => inDecision(db, u.ana.id, sheet, "decision.vote", (c) => ballots.saveWeights(c, sheet), { lock: "share" });

    const first = await countQueries(ctx, save);
    const second = await countQueries(ctx, save);

    expect(first.result).toEqual({ firstTime: true });
    expect(second.result).toEqual({ firstTime: false });
    expect(first.queries).toHaveLength(3);
    expect(second.queries).toHaveLength(3);
    // As for scores: sent with the last two statements, so the transaction ends without a round trip of its own.
    expect(first.commits).toBe(ctx.driver === "postgres" ? 1 : 0);
    expect(second.commits).toBe(ctx.driver === "postgres" ? 1 : 0);
    expect(await weightsOf(ctx.db, fx.decisionId, u.ana.id)).toHaveLength(10);
    expect((await eventsOfDecision(ctx.db, fx.decisionId)).filter((e) => e.type.startsWith("weights.")).map((e) => e.type)).toEqual([
      "weights.submitted",
      "weights.updated",
    ]);
  });
});
