import { sql } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import type { DecisionStatus } from "../../lib/domain/phases";
import { ForbiddenError, NotFoundError } from "../../lib/errors";
import { type DecisionFixture, decideInput, decisionIn, draftInput, ensureCatalog, scoreSheet, weightSheet } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";
import { ballotsRows, decisionState, eventsOf, rowsOf, weightsOf } from "../support/inspect";
import {
  advancePhase,
  changeMemberRole,
  createDecision,
  decide,
  deprecate,
  editDecision,
  saveScores,
  saveWeights,
  supersede,
  withdrawDecision,
} from "../support/use-cases";

// "facilitator" is a plain member who created the decision; "member" is another plain member.
// "outsider" belongs to no team of the decision, but owns a team of their own.
type Actor = "owner" | "admin" | "member" | "viewer" | "facilitator" | "outsider";
type Outcome = "allow" | "forbidden" | "notFound";
type Action = "createDecision" | "advancePhase" | "withdrawDecision" | "editDecision" | "saveWeights" | "saveScores" | "decide" | "supersede" | "deprecate";

// Written out by hand, like tests/integration/authorization.test.ts: a change of policy has to be made here on purpose.
const EXPECTED: Record<Action, Record<Actor, Outcome>> = {
  createDecision: { owner: "allow", admin: "allow", member: "allow", viewer: "forbidden", facilitator: "allow", outsider: "notFound" },
  advancePhase: { owner: "allow", admin: "allow", member: "forbidden", viewer: "forbidden", facilitator: "allow", outsider: "notFound" },
  withdrawDecision: { owner: "allow", admin: "allow", member: "forbidden", viewer: "forbidden", facilitator: "allow", outsider: "notFound" },
  editDecision: { owner: "allow", admin: "allow", member: "forbidden", viewer: "forbidden", facilitator: "allow", outsider: "notFound" },
  saveWeights: { owner: "allow", admin: "allow", member: "allow", viewer: "forbidden", facilitator: "allow", outsider: "notFound" },
  saveScores: { owner: "allow", admin: "allow", member: "allow", viewer: "forbidden", facilitator: "allow", outsider: "notFound" },
  decide: { owner: "allow", admin: "allow", member: "forbidden", viewer: "forbidden", facilitator: "allow", outsider: "notFound" },
  supersede: { owner: "allow", admin: "allow", member: "forbidden", viewer: "forbidden", facilitator: "allow", outsider: "notFound" },
  deprecate: { owner: "allow", admin: "allow", member: "forbidden", viewer: "forbidden", facilitator: "allow", outsider: "notFound" },
};

const ROWS = (Object.entries(EXPECTED) as [Action, Record<Actor, Outcome>][]).flatMap(([action, byActor]) =>
  (Object.entries(byActor) as [Actor, Outcome][]).map(([actor, expected]) => ({ action, actor, expected })),
);

const ERROR_FOR = { forbidden: ForbiddenError, notFound: NotFoundError } as const;

/** What each action needs to find, and what it logs when it is allowed. */
const SETUP: Record<Exclude<Action, "createDecision">, { status: DecisionStatus; logs: string[] }> = {
  advancePhase: { status: "draft", logs: ["decision.phase_changed"] },
  withdrawDecision: { status: "scoring", logs: ["decision.phase_changed"] },
  editDecision: { status: "draft", logs: ["decision.edited"] },
  saveWeights: { status: "weighting", logs: ["weights.submitted"] },
  saveScores: { status: "scoring", logs: ["scores.submitted"] },
  decide: { status: "revealed", logs: ["decision.decided"] },
  supersede: { status: "decided", logs: ["decision.superseded", "decision.supersedes"] },
  deprecate: { status: "decided", logs: ["decision.deprecated"] },
};

describeEachDriver("decision authorization", (ctx) => {
  let u: Record<Actor, TestUser>;
  let outsiderTeamId: string;

  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    u = await createUsers(ctx.db, ["owner", "admin", "member", "viewer", "facilitator", "outsider"]);
    outsiderTeamId = (await createTeamWith(ctx.db, { owner: u.outsider })).id;
  });

  const freshTeam = () => createTeamWith(ctx.db, { owner: u.owner, admin: u.admin, member: [u.member, u.facilitator], viewer: u.viewer });

  /** The decision(s) an action works on; supersede needs a second decided decision to point to. */
  const prepare = async (action: Exclude<Action, "createDecision">, teamId: string) => {
    const { status } = SETUP[action];
    const fx = await decisionIn(ctx.db, status, u.facilitator.id, teamId);
    const newer = action === "supersede" ? await decisionIn(ctx.db, "decided", u.facilitator.id, teamId) : null;
    return { fx, newer };
  };

  /** Runs the action as `actorId`, naming `teamId`, on `fx` (and `newer` for supersede). */
  const perform = (
    action: Exclude<Action, "createDecision">,
    actorId: string,
    teamId: string,
    fx: DecisionFixture,
    newer: DecisionFixture | null,
  ): Promise<unknown> => {
    const ref = { teamId, decisionId: fx.decisionId };
    const sheet = { ...fx, teamId };
    switch (action) {
      case "advancePhase":
        return advancePhase(ctx.db, actorId, { ...ref, from: "draft" });
      case "withdrawDecision":
        return withdrawDecision(ctx.db, actorId, { ...ref, reason: "Changed plans" });
      case "editDecision":
        return editDecision(ctx.db, actorId, { ...draftInput(teamId, { title: "Edited" }), decisionId: fx.decisionId, version: fx.decision.version });
      case "saveWeights":
        return saveWeights(ctx.db, actorId, weightSheet(sheet, [3, 7]));
      case "saveScores":
        return saveScores(ctx.db, actorId, scoreSheet(sheet, [{ option: 0, criterion: 0, score: 4 }]));
      case "decide":
        return decide(ctx.db, actorId, decideInput(sheet, fx.options[0]!.id, { justification: "Because" }));
      case "supersede":
        return supersede(ctx.db, actorId, { ...ref, supersededById: newer!.decisionId });
      case "deprecate":
        return deprecate(ctx.db, actorId, ref);
    }
  };

  const titleCount = async (title: string) =>
    rowsOf<{ n: number }>(await ctx.db.execute(sql`select count(*)::int as n from decisions where title = ${title}`))[0]!.n;

  test.each(ROWS)("$action by $actor → $expected", async ({ action, actor, expected }) => {
    const team = await freshTeam();

    if (action === "createDecision") {
      const input = draftInput(team.id);
      const attempt = createDecision(ctx.db, u[actor].id, input);
      if (expected === "allow") {
        await expect(attempt).resolves.toMatchObject({ facilitatorId: u[actor].id, status: "draft", teamId: team.id });
        expect(await titleCount(input.title)).toBe(1);
      } else {
        await expect(attempt).rejects.toThrow(ERROR_FOR[expected]);
        expect(await titleCount(input.title)).toBe(0);
        expect((await eventsOf(ctx.db, team.id)).map((e) => e.type)).toEqual(["team.created"]);
      }
      return;
    }

    const { fx, newer } = await prepare(action, team.id);
    const before = await Promise.all([decisionState(ctx.db, fx.decisionId), newer && decisionState(ctx.db, newer.decisionId)]);
    const teamEventsBefore = (await eventsOf(ctx.db, team.id)).length;

    const attempt = perform(action, u[actor].id, team.id, fx, newer);

    if (expected === "allow") {
      await attempt;
      const added = (await eventsOf(ctx.db, team.id)).slice(teamEventsBefore);
      expect(added.map((e) => e.type)).toEqual(SETUP[action].logs);
      expect(added.every((e) => e.actorId === u[actor].id)).toBe(true);
    } else {
      await expect(attempt).rejects.toThrow(ERROR_FOR[expected]);
      expect(await Promise.all([decisionState(ctx.db, fx.decisionId), newer && decisionState(ctx.db, newer.decisionId)])).toEqual(before);
      expect(await eventsOf(ctx.db, team.id)).toHaveLength(teamEventsBefore);
    }
  });

  test.each(Object.keys(SETUP) as Exclude<Action, "createDecision">[])(
    "%s naming another team's decision is notFound, even for an owner of the team named",
    async (action) => {
      const team = await freshTeam();
      const { fx, newer } = await prepare(action, team.id);
      const before = await decisionState(ctx.db, fx.decisionId);

      // The outsider owns outsiderTeamId, so the team check passes; the decision is not in that team.
      await expect(perform(action, u.outsider.id, outsiderTeamId, fx, newer)).rejects.toThrow(NotFoundError);

      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
      expect((await eventsOf(ctx.db, outsiderTeamId)).map((e) => e.type)).toEqual(["team.created"]);
    },
  );

  test("a viewer saving weights is forbidden and nothing is written", async () => {
    const team = await freshTeam();
    const fx = await decisionIn(ctx.db, "weighting", u.facilitator.id, team.id);
    await saveWeights(ctx.db, u.member.id, weightSheet(fx, [1, 2]));
    const before = await decisionState(ctx.db, fx.decisionId);

    await expect(saveWeights(ctx.db, u.viewer.id, weightSheet(fx, [9, 9]))).rejects.toThrow(ForbiddenError);

    expect(await weightsOf(ctx.db, fx.decisionId, u.viewer.id)).toEqual([]);
    expect((await ballotsRows(ctx.db, fx.decisionId)).map((b) => b.userId)).toEqual([u.member.id]);
    expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
  });

  test("a facilitator who is a plain member runs only their own decisions", async () => {
    const team = await freshTeam();
    const theirs = await decisionIn(ctx.db, "draft", u.facilitator.id, team.id);
    const someoneElses = await decisionIn(ctx.db, "draft", u.member.id, team.id);

    await expect(advancePhase(ctx.db, u.facilitator.id, { teamId: team.id, decisionId: theirs.decisionId, from: "draft" })).resolves.toBe("weighting");
    await expect(advancePhase(ctx.db, u.facilitator.id, { teamId: team.id, decisionId: someoneElses.decisionId, from: "draft" })).rejects.toThrow(
      ForbiddenError,
    );
  });

  test("a facilitator made a viewer stops facilitating their decision", async () => {
    const team = await freshTeam();
    const theirs = await decisionIn(ctx.db, "draft", u.facilitator.id, team.id);
    await changeMemberRole(ctx.db, u.owner.id, { teamId: team.id, userId: u.facilitator.id, role: "viewer" });

    await expect(advancePhase(ctx.db, u.facilitator.id, { teamId: team.id, decisionId: theirs.decisionId, from: "draft" })).rejects.toThrow(ForbiddenError);
    await expect(advancePhase(ctx.db, u.owner.id, { teamId: team.id, decisionId: theirs.decisionId, from: "draft" })).resolves.toBe("weighting");
  });
});
