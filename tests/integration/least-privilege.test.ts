import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { canMigrate, grantAppRole } from "../../db/app-role";
import { type DbHandle, openDb } from "../../db/client";
import { appendEvent, listTeamEvents } from "../../db/queries/events";
import { createSession, findSessionUser, revokeAllSessions } from "../../db/queries/sessions";
import { claimSignInAttempt, pruneSignInLimits, releaseSignInAttempt } from "../../db/queries/sign-in-limits";
import { limitKeys } from "../../lib/domain/sign-in-throttle";
import { createDecisionFixture, moveTo, scoreGrid, weightSheet } from "../support/decision-factories";
import { createTeamWith, createUser, createUsers, uniqueEmail } from "../support/factories";
import { databaseError, eventsOf, rejectionOf } from "../support/inspect";
import { changeMemberRole, removeMember, saveScores, saveWeights } from "../support/use-cases";

// PostgreSQL only: PGlite has one user and no privileges. The app connects as a role made by the
// same code as `npm run db:migrate` with APP_DATABASE_ROLE; the owning role is the test database's.

const ownerUrl = () => inject("databaseUrl");

/** One role per test database, so parallel runs on one server never share grants. */
function appRoleName(url: string): string {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  return `${database.toLowerCase().replace(/[^a-z0-9_]/g, "_")}_app`.slice(0, 63);
}

function urlAs(url: string, role: string): string {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = "";
  return parsed.toString();
}

describe("the app's database role has only the privileges it needs [postgres]", () => {
  let owner: DbHandle;
  let app: DbHandle;
  let teamId: string;

  beforeAll(async () => {
    owner = await openDb({ driver: "postgres", url: ownerUrl(), maxConnections: 2 });
    const role = appRoleName(ownerUrl());
    await grantAppRole(owner.db, role);
    app = await openDb({ driver: "postgres", url: urlAs(ownerUrl(), role), maxConnections: 4 });
    const founder = await createUser(owner.db, { name: "Founder" });
    teamId = (await createTeamWith(owner.db, { owner: founder })).id;
  });

  afterAll(async () => {
    await app?.close();
    await owner?.close();
  });

  /** Always rolled back: on a setup without these limits, the statement would otherwise succeed for real. */
  const attempt = (statement: SQL) =>
    app.db.transaction(async (tx) => {
      await tx.execute(statement);
      tx.rollback();
    });

  test.each([
    ["UPDATE", () => sql`update events set type = 'tampered' where team_id = ${teamId}`, "permission denied for table events"],
    ["DELETE", () => sql`delete from events where team_id = ${teamId}`, "permission denied for table events"],
    ["TRUNCATE", () => sql`truncate table events`, "permission denied for table events"],
    ["DISABLE TRIGGER", () => sql`alter table events disable trigger all`, "must be owner of table events"],
    ["DROP TRIGGER", () => sql`drop trigger events_no_update_or_delete on events`, "must be owner of relation events"],
  ] as const)("%s on events is refused by privileges, before any trigger runs", async (_operation, statement, message) => {
    const before = await eventsOf(owner.db, teamId);

    const error = databaseError(await rejectionOf(attempt(statement())));

    expect(error.code).toBe("42501");
    expect(error.message).toBe(message);
    expect(await eventsOf(owner.db, teamId)).toEqual(before);
  });

  test.each([
    ["UPDATE", () => sql`update history_heads set seq = 0 where team_id = ${teamId}`],
    ["INSERT", () => sql`insert into history_heads (team_id, seq, hash) values (gen_random_uuid(), 1, 'forged')`],
    ["DELETE", () => sql`delete from history_heads where team_id = ${teamId}`],
  ] as const)("%s on the history chain's heads is refused: only the events trigger writes them", async (_operation, statement) => {
    const error = databaseError(await rejectionOf(attempt(statement())));
    expect(error.code).toBe("42501");
    expect(error.message).toBe("permission denied for table history_heads");
  });

  test("it cannot create tables or change the schema", async () => {
    const error = databaseError(await rejectionOf(attempt(sql`create table intruder (id int)`)));
    expect(error.code).toBe("42501");
    expect(await canMigrate(app.db)).toMatchObject({ allowed: false });
    expect(await canMigrate(owner.db)).toMatchObject({ allowed: true });
  });

  test("the whole workflow still runs as the app role", async () => {
    const people = await createUsers(app.db, ["facilitator", "member", "leaver"]);
    const team = await createTeamWith(app.db, { owner: people.facilitator, member: [people.member, people.leaver] });
    await changeMemberRole(app.db, people.facilitator.id, { teamId: team.id, userId: people.member.id, role: "admin" });
    await removeMember(app.db, people.facilitator.id, { teamId: team.id, userId: people.leaver.id });

    const fx = await createDecisionFixture(app.db, people.facilitator.id, team.id);
    await moveTo(app.db, fx, "weighting");
    await saveWeights(
      app.db,
      people.facilitator.id,
      weightSheet(
        fx,
        fx.criteria.map(() => 5),
      ),
    );
    await saveWeights(
      app.db,
      people.facilitator.id,
      weightSheet(
        fx,
        fx.criteria.map(() => 7),
      ),
    ); // an update of own weights
    await moveTo(app.db, fx, "scoring");
    await saveScores(
      app.db,
      people.facilitator.id,
      scoreGrid(
        fx,
        fx.options.map(() => fx.criteria.map(() => 4)),
      ),
    );
    await moveTo(app.db, fx, "decided");

    const keys = limitKeys(uniqueEmail("throttled"), "192.0.2.7");
    expect((await claimSignInAttempt(app.db, keys)).kind).toBe("allowed");
    await releaseSignInAttempt(app.db, keys);
    await pruneSignInLimits(app.db);
    const sessionId = await createSession(app.db, people.member.id, "least-privilege test");
    expect(await findSessionUser(app.db, sessionId, people.member.id)).not.toBeNull();
    await revokeAllSessions(app.db, people.member.id);
    await appendEvent(app.db, { teamId: team.id, actorId: people.member.id, type: "member.left", payload: { name: "Someone" } });

    const history = await listTeamEvents(app.db, team.id, 100);
    expect(history.map((e) => e.type)).toEqual(expect.arrayContaining(["team.created", "member.removed", "member.left"]));
  });

  test("a superuser or the owning role is refused as the app role", async () => {
    const superuser = decodeURIComponent(new URL(ownerUrl()).username) || "postgres";
    await expect(grantAppRole(owner.db, superuser)).rejects.toThrow(/must be a role of its own without superuser rights/);
    await expect(grantAppRole(owner.db, 'x"; drop table events; --')).rejects.toThrow(/not a plain lower-case role name/);
  });
});
