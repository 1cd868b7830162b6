import { beforeAll, expect, test } from "vitest";
import { votesAwaited } from "../../lib/services/awaiting";
import { createDecisionFixture, decisionIn, ensureCatalog, hoursAfter, moveTo, weightSheet } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";
import { saveWeights } from "../support/use-cases";

describeEachDriver("votes awaited", (ctx) => {
  let u: Record<"owner" | "ana" | "viewer", TestUser>;
  let teamId: string;
  let otherTeamId: string;

  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    u = await createUsers(ctx.db, ["owner", "ana", "viewer"]);
    teamId = (await createTeamWith(ctx.db, { owner: u.owner, member: u.ana, viewer: u.viewer })).id;
    otherTeamId = (await createTeamWith(ctx.db, { owner: u.owner, member: u.ana })).id;
  });

  test("lists each open decision with the part still owed, across teams, and drops it once sent", async () => {
    const weighting = await decisionIn(ctx.db, "weighting", u.owner.id, teamId, { title: "Awaiting weights" });
    const scoring = await decisionIn(ctx.db, "scoring", u.owner.id, otherTeamId, { title: "Awaiting scores" });
    await decisionIn(ctx.db, "draft", u.owner.id, teamId, { title: "Still a draft" });

    const titles = async (teamFilter?: string) =>
      (await votesAwaited(ctx.db, u.ana.id, { teamId: teamFilter })).filter((v) => v.title.startsWith("Awaiting")).map((v) => [v.title, v.part]);
    expect(await titles()).toEqual(
      expect.arrayContaining([
        ["Awaiting weights", "weights"],
        ["Awaiting scores", "scores"],
      ]),
    );
    expect(await titles(teamId)).toEqual([["Awaiting weights", "weights"]]);

    await saveWeights(ctx.db, u.ana.id, weightSheet(weighting, [5, 5]));
    expect((await votesAwaited(ctx.db, u.ana.id)).map((v) => v.id)).not.toContain(weighting.decisionId);
    expect((await votesAwaited(ctx.db, u.ana.id)).map((v) => v.id)).toContain(scoring.decisionId);
  });

  test("a viewer is never asked; a passed deadline moves what is owed", async () => {
    const t0 = new Date();
    const fx = await createDecisionFixture(ctx.db, u.owner.id, teamId, { weightingDeadline: hoursAfter(t0, 1), scoringDeadline: hoursAfter(t0, 2) }, t0);
    await moveTo(ctx.db, fx, "weighting", { now: t0 });

    expect((await votesAwaited(ctx.db, u.viewer.id, { teamId })).map((v) => v.id)).not.toContain(fx.decisionId);
    const owed = async (now: Date) => (await votesAwaited(ctx.db, u.ana.id, { teamId, now })).find((v) => v.id === fx.decisionId);
    expect(await owed(hoursAfter(t0, 0.5))).toMatchObject({ part: "weights", deadline: hoursAfter(t0, 1) });
    expect(await owed(hoursAfter(t0, 1.5))).toMatchObject({ part: "scores", deadline: hoursAfter(t0, 2) });
    expect(await owed(hoursAfter(t0, 3))).toBeUndefined();
  });
});
