import { beforeAll, describe, expect, test } from "vitest";
import { loadStructure } from "../../db/queries/decisions";
import { weightsSetAside } from "../../db/queries/withdrawals";
import type { DecisionStatus } from "../../lib/domain/phases";
import { ConflictError, ForbiddenError } from "../../lib/errors";
import { decisionPageData } from "../../lib/services/pages/decision-page";
import {
  createDecisionFixture,
  type DecisionFixture,
  decisionIn,
  draftInput,
  ensureCatalog,
  hoursAfter,
  moveTo,
  scoreGrid,
  weightSheet,
} from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";
import { ballotsRows, decisionRow, decisionState, eventsOfDecision, rejectionOf, scoresOf, weightsOf } from "../support/inspect";
import { advancePhase, editDecision, openNextRound, returnToDraft, saveScores, saveWeights, viewDecision, withdrawSheet } from "../support/use-cases";

describeEachDriver("taking a step back", (ctx) => {
  let u: Record<"facilitator" | "ana" | "ben" | "cleo" | "vic", TestUser>;
  let teamId: string;

  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    u = await createUsers(ctx.db, ["facilitator", "ana", "ben", "cleo", "vic"]);
    teamId = (await createTeamWith(ctx.db, { owner: u.facilitator, member: [u.ana, u.ben, u.cleo], viewer: u.vic })).id;
  });

  const inPhase = (status: DecisionStatus) => decisionIn(ctx.db, status, u.facilitator.id, teamId);
  const ref = (fx: DecisionFixture) => ({ teamId: fx.teamId, decisionId: fx.decisionId });
  const page = async (fx: DecisionFixture, userId: string) => (await decisionPageData(await viewDecision(ctx.db, userId, ref(fx)), { voters: 1 }))!;
  const newEvents = async (fx: DecisionFixture, before: readonly number[]) =>
    (await eventsOfDecision(ctx.db, fx.decisionId)).filter((e) => !before.includes(e.id));
  const grid = (fx: DecisionFixture, score: number) =>
    scoreGrid(
      fx,
      fx.options.map(() => fx.criteria.map(() => score)),
    );

  describe("back to draft", () => {
    test("sets every weight aside, keeps the history and adds one event naming how many; the notice lasts until the member weights again", async () => {
      const fx = await inPhase("weighting");
      await saveWeights(ctx.db, u.ana.id, weightSheet(fx, [3, 7]));
      await saveWeights(ctx.db, u.ben.id, weightSheet(fx, [9, 1]));
      const before = (await eventsOfDecision(ctx.db, fx.decisionId)).map((e) => e.id);
      expect((await page(fx, u.ana.id)).progress).toMatchObject({ weighted: 2, me: { weighted: true, weightsSetAside: false } });

      expect(await returnToDraft(ctx.db, u.facilitator.id, { ...ref(fx), setAside: 2 })).toBe(2);

      expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "draft" });
      expect(await weightsOf(ctx.db, fx.decisionId)).toEqual([]);
      expect(await ballotsRows(ctx.db, fx.decisionId)).toEqual([]);
      // Append-only: the earlier events are all there, and exactly one more.
      expect((await eventsOfDecision(ctx.db, fx.decisionId)).map((e) => e.id).slice(0, before.length)).toEqual(before);
      const added = await newEvents(fx, before);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ type: "decision.returned_to_draft", actorId: u.facilitator.id });
      expect(added[0]!.payload).toEqual({ from: "weighting", to: "draft", setAside: 2, members: [u.ana.id, u.ben.id].sort() });

      const seenByAna = await page(fx, u.ana.id);
      expect(seenByAna.progress).toMatchObject({ weighted: 0, me: { weighted: false, weightsSetAside: true } });
      expect(seenByAna.timeline.events.at(-1)).toMatchObject({ type: "decision.returned_to_draft", payload: { from: "weighting", to: "draft", setAside: 2 } });
      expect(seenByAna.timeline.events.at(-1)!.payload).not.toHaveProperty("members");
      expect((await page(fx, u.cleo.id)).progress.me.weightsSetAside).toBe(false);

      // The facilitator fixes the criteria and reopens weighting; Ana's notice stays until she weights again.
      const draft = draftInput(teamId, {
        criteria: [
          { name: "Speed", description: "" },
          { name: "Cost", description: "" },
          { name: "Hiring", description: "" },
        ],
      });
      const version = (await decisionRow(ctx.db, fx.decisionId)).version;
      await editDecision(ctx.db, u.facilitator.id, { ...draft, decisionId: fx.decisionId, version });
      await advancePhase(ctx.db, u.facilitator.id, { ...ref(fx), from: "draft" });
      expect(await weightsSetAside(ctx.db, { ...ref(fx), userId: u.ana.id })).toBe(true);
      const fixed = { ...fx, ...(await loadStructure(ctx.db, fx.decisionId)) };
      await saveWeights(ctx.db, u.ana.id, weightSheet(fixed, [1, 2, 3]));
      expect(await weightsSetAside(ctx.db, { ...ref(fx), userId: u.ana.id })).toBe(false);
      expect(await weightsSetAside(ctx.db, { ...ref(fx), userId: u.ben.id })).toBe(true);
      expect((await page(fx, u.ana.id)).progress).toMatchObject({ weighted: 1, me: { weighted: true, weightsSetAside: false } });
    });

    test("with no weights given, it goes back and says so", async () => {
      const fx = await inPhase("weighting");
      await returnToDraft(ctx.db, u.facilitator.id, { ...ref(fx), setAside: 0 });
      const events = await eventsOfDecision(ctx.db, fx.decisionId);
      expect(events.at(-1)).toMatchObject({ type: "decision.returned_to_draft", payload: { setAside: 0, members: [] } });
    });

    test.each(["draft", "scoring", "revealed", "decided", "withdrawn"] as const)("is refused in %s, and nothing changes", async (status) => {
      const fx = await createDecisionFixture(ctx.db, u.facilitator.id, teamId);
      await moveTo(ctx.db, fx, status);
      const before = await decisionState(ctx.db, fx.decisionId);
      const error = await rejectionOf(returnToDraft(ctx.db, u.facilitator.id, { ...ref(fx), setAside: 0 }));
      expect(error).toBeInstanceOf(ConflictError);
      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });

    test("a plain member or a viewer may not; a stale count asks the facilitator to confirm again", async () => {
      const fx = await inPhase("weighting");
      await saveWeights(ctx.db, u.ana.id, weightSheet(fx, [3, 7]));
      const before = await decisionState(ctx.db, fx.decisionId);
      expect(await rejectionOf(returnToDraft(ctx.db, u.ana.id, { ...ref(fx), setAside: 1 }))).toBeInstanceOf(ForbiddenError);
      expect(await rejectionOf(returnToDraft(ctx.db, u.vic.id, { ...ref(fx), setAside: 1 }))).toBeInstanceOf(ForbiddenError);
      const stale = await rejectionOf(returnToDraft(ctx.db, u.facilitator.id, { ...ref(fx), setAside: 0 }));
      expect(stale).toBeInstanceOf(ConflictError);
      expect((stale as Error).message).toBe("Since you looked, the count changed: 1 member's weights would now be set aside. Check and confirm again.");
      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });

    test("once the weighting deadline has passed the decision is in scoring, and cannot go back", async () => {
      const t0 = new Date();
      const fx = await createDecisionFixture(ctx.db, u.facilitator.id, teamId, { weightingDeadline: hoursAfter(t0, 1) }, t0);
      await moveTo(ctx.db, fx, "weighting", { now: t0 });
      const error = await rejectionOf(returnToDraft(ctx.db, u.facilitator.id, { ...ref(fx), setAside: 0 }, hoursAfter(t0, 2)));
      expect((error as Error).message).toBe("Only a decision in weighting can go back to draft; this one is now scoring.");
      expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "weighting" });
    });
  });

  test("a draft whose weighting deadline passed while it was being fixed cannot reopen until the deadline moves", async () => {
    const t0 = new Date();
    const fx = await createDecisionFixture(ctx.db, u.facilitator.id, teamId, { weightingDeadline: hoursAfter(t0, 1) }, t0);
    await moveTo(ctx.db, fx, "weighting", { now: t0 });
    await returnToDraft(ctx.db, u.facilitator.id, { ...ref(fx), setAside: 0 }, hoursAfter(t0, 0.5));

    const refused = await rejectionOf(advancePhase(ctx.db, u.facilitator.id, { ...ref(fx), from: "draft" }, hoursAfter(t0, 2)));
    expect((refused as Error).message).toBe("The weighting deadline has already passed: edit the draft to set a later one, or clear it, then open weighting.");
    expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "draft" });

    const { version } = await decisionRow(ctx.db, fx.decisionId);
    await editDecision(
      ctx.db,
      u.facilitator.id,
      { ...draftInput(teamId, { weightingDeadline: hoursAfter(t0, 3) }), decisionId: fx.decisionId, version },
      hoursAfter(t0, 2),
    );
    await advancePhase(ctx.db, u.facilitator.id, { ...ref(fx), from: "draft" }, hoursAfter(t0, 2));
    expect((await viewDecision(ctx.db, u.ana.id, ref(fx), "decision.view", hoursAfter(t0, 2))).decision.status).toBe("weighting");
  });

  describe("withdrawing a sheet", () => {
    test("scores: only the member's own sheet of this round goes, progress counts them out, and the event carries no values", async () => {
      const fx = await inPhase("weighting");
      await saveWeights(ctx.db, u.ana.id, weightSheet(fx, [3, 7]));
      await moveTo(ctx.db, fx, "scoring");
      await saveScores(ctx.db, u.ana.id, grid(fx, 4));
      await saveScores(ctx.db, u.ben.id, grid(fx, 2));
      const before = (await eventsOfDecision(ctx.db, fx.decisionId)).map((e) => e.id);
      const benScores = await scoresOf(ctx.db, fx.decisionId, u.ben.id);

      await withdrawSheet(ctx.db, u.ana.id, { ...ref(fx), kind: "scores" });

      expect(await scoresOf(ctx.db, fx.decisionId, u.ana.id)).toEqual([]);
      expect(await scoresOf(ctx.db, fx.decisionId, u.ben.id)).toEqual(benScores);
      expect(await weightsOf(ctx.db, fx.decisionId, u.ana.id)).toHaveLength(2);
      expect((await ballotsRows(ctx.db, fx.decisionId)).map((b) => [b.userId === u.ana.id ? "ana" : "ben", b.kind])).toEqual(
        expect.arrayContaining([
          ["ana", "weights"],
          ["ben", "scores"],
        ]),
      );
      expect(await ballotsRows(ctx.db, fx.decisionId)).toHaveLength(2);
      const added = await newEvents(fx, before);
      expect(added.map((e) => [e.type, e.actorId, e.payload])).toEqual([["scores.withdrawn", u.ana.id, {}]]);
      expect((await page(fx, u.ana.id)).progress).toMatchObject({ scored: 1, me: { scored: false, weighted: true } });

      // Saving again submits again.
      await saveScores(ctx.db, u.ana.id, grid(fx, 5));
      expect((await eventsOfDecision(ctx.db, fx.decisionId)).at(-1)!.type).toBe("scores.submitted");
    });

    test("weights during weighting", async () => {
      const fx = await inPhase("weighting");
      await saveWeights(ctx.db, u.ana.id, weightSheet(fx, [3, 7]));
      await saveWeights(ctx.db, u.ben.id, weightSheet(fx, [9, 1]));
      await withdrawSheet(ctx.db, u.ben.id, { ...ref(fx), kind: "weights" });
      expect(await weightsOf(ctx.db, fx.decisionId, u.ben.id)).toEqual([]);
      expect(await weightsOf(ctx.db, fx.decisionId, u.ana.id)).toHaveLength(2);
      expect((await eventsOfDecision(ctx.db, fx.decisionId)).at(-1)).toMatchObject({ type: "weights.withdrawn", actorId: u.ben.id, payload: {} });
      expect((await page(fx, u.ben.id)).progress).toMatchObject({ weighted: 1, me: { weighted: false } });
    });

    test("in a second round only that round's scores go; the first round's stay", async () => {
      const fx = await inPhase("scoring");
      await saveScores(ctx.db, u.ana.id, grid(fx, 4));
      await moveTo(ctx.db, fx, "revealed");
      await openNextRound(ctx.db, u.facilitator.id, { ...ref(fx), round: 1 });
      await saveScores(ctx.db, u.ana.id, grid(fx, 2));
      await withdrawSheet(ctx.db, u.ana.id, { ...ref(fx), kind: "scores" });
      const left = await scoresOf(ctx.db, fx.decisionId, u.ana.id);
      expect(left.map((s) => [s.round, s.score])).toEqual(fx.options.flatMap(() => fx.criteria.map(() => [1, 4])));
    });

    test.each([
      ["revealed", "scores", "Scores cannot be withdrawn after the reveal."],
      ["decided", "scores", "Scores cannot be withdrawn after the reveal."],
      ["scoring", "weights", "Weights can only be withdrawn during weighting; this decision is now scoring."],
    ] as const)("after the phase (%s, %s) it is refused and nothing changes", async (status, kind, message) => {
      const fx = await inPhase("weighting");
      await saveWeights(ctx.db, u.ana.id, weightSheet(fx, [3, 7]));
      await moveTo(ctx.db, fx, "scoring");
      await saveScores(ctx.db, u.ana.id, grid(fx, 4));
      await moveTo(ctx.db, fx, status);
      const before = await decisionState(ctx.db, fx.decisionId);
      const error = await rejectionOf(withdrawSheet(ctx.db, u.ana.id, { ...ref(fx), kind }));
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as Error).message).toBe(message);
      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });

    test("nothing submitted, or a viewer: refused, nothing written", async () => {
      const fx = await inPhase("scoring");
      const before = await decisionState(ctx.db, fx.decisionId);
      const none = await rejectionOf(withdrawSheet(ctx.db, u.cleo.id, { ...ref(fx), kind: "scores" }));
      expect(none).toBeInstanceOf(ConflictError);
      expect((none as Error).message).toBe("You have not submitted scores, so there is nothing to withdraw.");
      expect(await rejectionOf(withdrawSheet(ctx.db, u.vic.id, { ...ref(fx), kind: "scores" }))).toBeInstanceOf(ForbiddenError);
      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });
  });
});
