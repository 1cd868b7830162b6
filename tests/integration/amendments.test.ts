import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { decisionOverview } from "../../db/queries/decisions";
import { outcomeAmendments } from "../../db/schema";
import { ConflictError, ForbiddenError } from "../../lib/errors";
import { decisionIn, ensureCatalog, hoursAfter } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";
import { databaseError, eventsOfDecision, rejectionOf } from "../support/inspect";
import { amendOutcome, exportDecision, getOutcome } from "../support/use-cases";

describeEachDriver("amending a recorded decision", (ctx) => {
  let u: Record<"owner" | "facilitator" | "member", TestUser>;
  let teamId: string;
  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    u = await createUsers(ctx.db, ["owner", "facilitator", "member"]);
    teamId = (await createTeamWith(ctx.db, { owner: u.owner, member: [u.facilitator, u.member] })).id;
  });
  const AMENDMENT = { text: "We also run the nightly reports on it.", reason: "The scope grew after launch" };

  test("adds a dated, signed amendment under the record; the record as decided never changes", async () => {
    const fx = await decisionIn(ctx.db, "decided", u.facilitator.id, teamId);
    const before = await getOutcome(ctx.db, fx.decisionId);
    const now = new Date("2026-06-01T09:00:00.000Z");
    await amendOutcome(ctx.db, u.facilitator.id, { teamId, decisionId: fx.decisionId, ...AMENDMENT }, now);
    await amendOutcome(ctx.db, u.owner.id, { teamId, decisionId: fx.decisionId, text: "A second note.", reason: "Another reason" }, hoursAfter(now, 1));

    expect(await getOutcome(ctx.db, fx.decisionId)).toEqual(before);
    const overview = await decisionOverview(ctx.db, { id: fx.decisionId, teamId }, { candidates: 0, supersedes: 0, amendments: 10 });
    expect(overview!.outcome!.amendments.map((a) => [a.text, a.reason, a.authorName, a.createdAt.toISOString()])).toEqual([
      [AMENDMENT.text, AMENDMENT.reason, u.facilitator.name, now.toISOString()],
      ["A second note.", "Another reason", u.owner.name, hoursAfter(now, 1).toISOString()],
    ]);
    expect((await eventsOfDecision(ctx.db, fx.decisionId)).slice(-2).map((e) => [e.type, e.actorId])).toEqual([
      ["outcome.amended", u.facilitator.id],
      ["outcome.amended", u.owner.id],
    ]);

    const doc = await exportDecision(ctx.db, u.member.id, teamId, fx.decisionId);
    expect(doc.outcome!.amendments).toEqual([
      { at: now.toISOString(), by: u.facilitator.name, ...AMENDMENT },
      { at: hoursAfter(now, 1).toISOString(), by: u.owner.name, text: "A second note.", reason: "Another reason" },
    ]);
  });

  test("only the facilitator, an owner or an admin may amend, and only a recorded decision", async () => {
    const decided = await decisionIn(ctx.db, "decided", u.facilitator.id, teamId);
    await expect(amendOutcome(ctx.db, u.member.id, { teamId, decisionId: decided.decisionId, ...AMENDMENT })).rejects.toThrow(ForbiddenError);
    for (const status of ["draft", "scoring", "revealed", "withdrawn"] as const) {
      const fx = await decisionIn(ctx.db, status, u.facilitator.id, teamId);
      await expect(amendOutcome(ctx.db, u.facilitator.id, { teamId, decisionId: fx.decisionId, ...AMENDMENT })).rejects.toThrow(ConflictError);
    }
    const rows = await ctx.db.select().from(outcomeAmendments).where(eq(outcomeAmendments.decisionId, decided.decisionId));
    expect(rows).toEqual([]);
  });

  test("an amendment, once written, cannot be changed or removed", async () => {
    const fx = await decisionIn(ctx.db, "decided", u.facilitator.id, teamId);
    await amendOutcome(ctx.db, u.facilitator.id, { teamId, decisionId: fx.decisionId, ...AMENDMENT });
    for (const statement of [
      sql`update outcome_amendments set text = 'rewritten' where decision_id = ${fx.decisionId}`,
      sql`delete from outcome_amendments where decision_id = ${fx.decisionId}`,
    ]) {
      const error = databaseError(await rejectionOf(ctx.db.execute(statement)));
      expect(error.message).toMatch(/amendments are append-only/);
    }
    const [row] = await ctx.db.select().from(outcomeAmendments).where(eq(outcomeAmendments.decisionId, fx.decisionId));
    expect(row!.text).toBe(AMENDMENT.text);
  });
});
