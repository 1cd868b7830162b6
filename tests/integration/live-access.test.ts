import { and, eq } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { createSession, revokeSession } from "../../db/queries/sessions";
import { memberships } from "../../db/schema";
import { accessHolds } from "../../lib/entry/routes";
import { readDecision } from "../../lib/services/access";
import { decisionIn, ensureCatalog } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";

// A live stream outlives the access check made when it opened; at every heartbeat the route asks
// again, and a person signed out or removed from the team since loses the stream.

describeEachDriver("a live stream's access, checked again", (ctx) => {
  let u: Record<"owner" | "ana", TestUser>;
  let ref: { teamId: string; decisionId: string };

  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    u = await createUsers(ctx.db, ["owner", "ana"]);
    const teamId = (await createTeamWith(ctx.db, { owner: u.owner, member: u.ana })).id;
    const fx = await decisionIn(ctx.db, "scoring", u.owner.id, teamId);
    ref = { teamId, decisionId: fx.decisionId };
  });

  const asAna = async () => ({ ...u.ana, timeZone: null, sessionId: await createSession(ctx.db, u.ana.id, "test") });
  const canView = (user: Awaited<ReturnType<typeof asAna>>) => accessHolds(ctx.db, user, (db) => readDecision(db, user.id, ref, "decision.view"));

  test("holds while the session is live and the person a member", async () => {
    expect(await canView(await asAna())).toBe(true);
  });

  test("no longer holds once the session is signed out", async () => {
    const ana = await asAna();
    await revokeSession(ctx.db, ana.id, ana.sessionId);
    expect(await canView(ana)).toBe(false);
  });

  test("no longer holds once the person left the team", async () => {
    const ana = await asAna();
    await ctx.db.delete(memberships).where(and(eq(memberships.teamId, ref.teamId), eq(memberships.userId, ana.id)));
    expect(await canView(ana)).toBe(false);
  });
});
