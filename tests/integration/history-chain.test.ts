import { and, eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import type { Db } from "../../db/client";
import { appendEvent } from "../../db/queries/events";
import { historyCheckOf, historyHead } from "../../db/queries/history";
import { events } from "../../db/schema";
import { checkDueHistories, GROWN_CHAIN_RECHECK_MS, verifyTeamHistory } from "../../lib/services/history";
import { createDecisionFixture, moveTo } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers } from "../support/factories";
import { eventsOf } from "../support/inspect";

/** What someone with the database's owner rights could do: change rows with every trigger off. */
async function tamper(db: Db, statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

describeEachDriver("the history chain", (ctx) => {
  async function teamWithHistory() {
    const people = await createUsers(ctx.db, ["owner", "member"]);
    const team = await createTeamWith(ctx.db, { owner: people.owner, member: people.member });
    const fx = await createDecisionFixture(ctx.db, people.owner.id, team.id);
    await moveTo(ctx.db, fx, "scoring");
    return { teamId: team.id, list: await eventsOf(ctx.db, team.id) };
  }

  test("the database chains every event of a team in order, and the chain checks out in Node to the recorded head", async () => {
    const { teamId, list } = await teamWithHistory();
    expect(list.length).toBeGreaterThan(3);
    expect(list.map((e) => e.teamSeq)).toEqual(list.map((_, i) => i + 1));
    expect(list[0]!.prevHash).toBe("");
    for (let i = 1; i < list.length; i++) expect(list[i]!.prevHash).toBe(list[i - 1]!.hash);
    expect(new Set(list.map((e) => e.hash)).size).toBe(list.length);

    const verdict = await verifyTeamHistory(ctx.db, teamId);
    expect(verdict.broken).toBeNull();
    expect(verdict.intactCount).toBe(list.length);
    expect(verdict.headHash).toBe(list.at(-1)!.hash);
    expect(verdict.intactThrough?.getTime()).toBe(list.at(-1)!.createdAt.getTime());
    expect(await historyHead(ctx.db, teamId)).toEqual({ seq: list.length, hash: list.at(-1)!.hash, eventId: list.at(-1)!.id });
  });

  test("an event edited in SQL with the triggers off is caught, and it is the one named", async () => {
    const { teamId, list } = await teamWithHistory();
    const victim = list[2]!;
    await tamper(ctx.db, sql`update events set payload = payload || '{"note": "edited"}'::jsonb where id = ${victim.id}`);
    const verdict = await verifyTeamHistory(ctx.db, teamId);
    expect(verdict.broken).toMatchObject({ eventId: victim.id, reason: "changed" });
    expect(verdict.intactCount).toBe(2);
    expect(verdict.intactThrough?.getTime()).toBe(list[1]!.createdAt.getTime());
  });

  test("an edit that also re-hashes the event breaks the link to the next one", async () => {
    const { teamId, list } = await teamWithHistory();
    const victim = list[1]!;
    // Recomputed with the database's own function, as a careful forger would.
    await tamper(
      ctx.db,
      sql`update events set type = 'team.renamed', hash = event_chain_hash(prev_hash, team_seq, id, team_id, decision_id, actor_id, 'team.renamed', created_at, payload) where id = ${victim.id}`,
    );
    expect((await verifyTeamHistory(ctx.db, teamId)).broken).toMatchObject({ eventId: list[2]!.id, reason: "unlinked" });
  });

  test("an event removed from the middle, or from the end, is caught", async () => {
    const middle = await teamWithHistory();
    await tamper(ctx.db, sql`delete from events where id = ${middle.list[1]!.id}`);
    expect((await verifyTeamHistory(ctx.db, middle.teamId)).broken).toMatchObject({ eventId: middle.list[2]!.id, reason: "missing" });

    const end = await teamWithHistory();
    await tamper(ctx.db, sql`delete from events where id = ${end.list.at(-1)!.id}`);
    const verdict = await verifyTeamHistory(ctx.db, end.teamId);
    expect(verdict.broken).toMatchObject({ reason: "truncated", eventId: end.list.at(-1)!.id });
    expect(verdict.intactCount).toBe(end.list.length - 1);
  });

  test("the worker's check keeps the verdict for the team page, and checks again when the chain grows", async () => {
    const { teamId, list } = await teamWithHistory();
    const now = new Date();
    for (let i = 0; i < 50 && !(await historyCheckOf(ctx.db, teamId)); i++) await checkDueHistories(ctx.db, { now, limit: 50 });
    expect(await historyCheckOf(ctx.db, teamId)).toMatchObject({ intactCount: list.length, brokenEventId: null, headHash: list.at(-1)!.hash });

    await appendEvent(ctx.db, { teamId, actorId: null, type: "member.left", payload: { note: "chain test" } });
    // Soon after a check a grown chain is left alone; later it is checked again.
    await checkDueHistories(ctx.db, { now: new Date(now.getTime() + GROWN_CHAIN_RECHECK_MS / 2), limit: 500 });
    expect((await historyCheckOf(ctx.db, teamId))!.intactCount).toBe(list.length);
    const later = new Date(now.getTime() + GROWN_CHAIN_RECHECK_MS + 1_000);
    for (let i = 0; i < 50 && (await historyCheckOf(ctx.db, teamId))!.intactCount === list.length; i++)
      await checkDueHistories(ctx.db, { now: later, limit: 50 });
    expect(await historyCheckOf(ctx.db, teamId)).toMatchObject({ intactCount: list.length + 1, brokenEventId: null });
  });

  test("concurrent inserts in one team take turns: one chain, no place taken twice", async () => {
    if (ctx.driver === "pglite") return; // one connection: nothing runs at once
    const { teamId, list } = await teamWithHistory();
    await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        ctx.db.transaction((tx) => appendEvent(tx, { teamId, actorId: null, type: "member.left", payload: { note: `chain test ${i}` } })),
      ),
    );
    const after = await ctx.db
      .select({ seq: events.teamSeq })
      .from(events)
      .where(and(eq(events.teamId, teamId)));
    expect(after.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: list.length + 16 }, (_, i) => i + 1));
    expect((await verifyTeamHistory(ctx.db, teamId)).broken).toBeNull();
  });
});
