import { type SQL, sql } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { appendEvent, listTeamEvents } from "../../db/queries/events";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUser, type TestUser } from "../support/factories";
import { databaseError, eventsOf, rejectionOf } from "../support/inspect";

describeEachDriver("events are append-only", (ctx) => {
  let owner: TestUser;
  let teamId: string;

  beforeAll(async () => {
    owner = await createUser(ctx.db, { name: "Auditor" });
    teamId = (await createTeamWith(ctx.db, { owner })).id;
  });

  /** Runs the statement in a transaction that is always rolled back, so a missing trigger cannot wipe other files' data. */
  const attempt = (statement: SQL) =>
    ctx.db.transaction(async (tx) => {
      await tx.execute(statement);
      tx.rollback();
    });

  test.each([
    ["UPDATE", () => sql`update events set type = 'tampered', payload = '{}'::jsonb where team_id = ${teamId}`],
    ["DELETE", () => sql`delete from events where team_id = ${teamId}`],
    ["TRUNCATE", () => sql`truncate table events`],
  ] as const)("the database rejects %s on events", async (operation, statement) => {
    const before = await eventsOf(ctx.db, teamId);
    expect(before.length).toBeGreaterThan(0);

    const error = databaseError(await rejectionOf(attempt(statement())));

    expect(error.code).toBe("42501");
    expect(error.message).toContain(`events are append-only: ${operation} is not allowed`);
    expect(await eventsOf(ctx.db, teamId)).toEqual(before);
  });

  test("appending still works and shows up newest first", async () => {
    await appendEvent(ctx.db, { teamId, actorId: owner.id, type: "member.left", payload: { name: "Someone" } });
    const [newest, ...older] = await listTeamEvents(ctx.db, teamId);
    expect(newest).toMatchObject({ type: "member.left", actorName: "Auditor", payload: { name: "Someone" } });
    expect(older.map((e) => e.type)).toEqual(["team.created"]);
  });
});
