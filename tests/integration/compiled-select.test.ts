import { and, eq, type SQLWrapper, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import type { Executor } from "../../db/client";
import { compiledSelect } from "../../db/compiled-select";
import { memberships, users } from "../../db/schema";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUser } from "../support/factories";

// A compiled select is built once and run with new values each time (db/compiled-select.ts). It
// must answer exactly what drizzle's own select answers: the same typed values, a left-joined
// table that matched nothing as null, on either driver, inside a transaction as well.

/** One select, for placeholders (compiled) or for values (drizzle's own, what the compiled one must match). */
function personAndMembership(db: Executor, teamId: string | SQLWrapper, userId: string | SQLWrapper) {
  return db
    .select({ person: { id: users.id, name: users.name, joined: users.createdAt }, membership: { role: memberships.role, since: memberships.createdAt } })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.teamId, teamId)))
    .where(eq(users.id, userId))
    .limit(1);
}

const compiled = compiledSelect((db) => personAndMembership(db, sql.placeholder("teamId"), sql.placeholder("userId")));

describeEachDriver("compiled selects", (ctx) => {
  test("answer what drizzle's select answers, for each run's own values", async () => {
    const owner = await createUser(ctx.db, { name: "Olga Owner" });
    const outsider = await createUser(ctx.db, { name: "Omar Outsider" });
    const team = await createTeamWith(ctx.db, { owner });
    for (const person of [owner, outsider, owner]) {
      const values = { teamId: team.id, userId: person.id };
      expect(await compiled(ctx.db, values)).toEqual(await personAndMembership(ctx.db, team.id, person.id));
    }
    const [member] = await compiled(ctx.db, { teamId: team.id, userId: owner.id });
    expect(member!.person.joined).toBeInstanceOf(Date);
    expect(member!.membership).toEqual({ role: "owner", since: expect.any(Date) });
    const [stranger] = await compiled(ctx.db, { teamId: team.id, userId: outsider.id });
    expect(stranger!.person.name).toBe("Omar Outsider");
    expect(stranger!.membership).toBeNull();
  });

  test("run in the transaction they are given, seeing its own writes", async () => {
    const owner = await createUser(ctx.db);
    const newcomer = await createUser(ctx.db);
    const team = await createTeamWith(ctx.db, { owner });
    const values = { teamId: team.id, userId: newcomer.id };
    let inside: Awaited<ReturnType<typeof compiled>>[number] | undefined;
    await ctx.db.transaction(async (tx) => {
      await tx.insert(memberships).values({ teamId: team.id, userId: newcomer.id, role: "viewer" });
      [inside] = await compiled(tx, values);
      await tx.delete(memberships).where(and(eq(memberships.teamId, team.id), eq(memberships.userId, newcomer.id)));
    });
    expect(inside!.membership?.role).toBe("viewer");
    const [after] = await compiled(ctx.db, values);
    expect(after!.membership).toBeNull();
  });

  test("refuse a run that leaves a value out", async () => {
    const owner = await createUser(ctx.db);
    await expect(compiled(ctx.db, { userId: owner.id })).rejects.toThrow(/teamId/);
  });
});
