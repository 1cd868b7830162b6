import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { listDecisions } from "../../db/queries/decisions";
import { tally, type TallyInput } from "../../lib/domain/tally";
import { AppError, ConflictError } from "../../lib/errors";
import { DamagedSnapshotError } from "../../lib/validation/decision-snapshot";
import {
  createDecisionFixture,
  type DecisionFixture,
  decideInput,
  decisionIn,
  ensureCatalog,
  hoursAfter,
  moveTo,
  scoreGrid,
  weightSheet,
} from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";
import { decisionRow, decisionState, eventsOfDecision, rejectionOf } from "../support/inspect";
import { decide, deprecate, getOutcome, saveScores, saveWeights, supersede } from "../support/use-cases";

// Names that cannot turn up in a snapshot by accident, so finding one there means it leaked.
type Person = "owner" | "facilitator" | "ana" | "ben";
const NAMES: Record<Person, string> = { owner: "Olwen Brightwater", facilitator: "Fenwick Marlowe", ana: "Anneliese Quorra", ben: "Benedikt Vasquez" };

// Options Alpha, Beta, Gamma (rows) on criteria Speed, Cost (columns): Alpha wins clearly.
const WEIGHTS: Partial<Record<Person, [number, number]>> = { ana: [8, 2], ben: [5, 5] };
const SCORES: Partial<Record<Person, (number | undefined)[][]>> = {
  ana: [
    [5, 4],
    [3, 2],
    [1, 1],
  ],
  ben: [
    [4, 5],
    [2, undefined],
    [1, 2],
  ],
};

describeEachDriver("outcomes", (ctx) => {
  let u: Record<Person, TestUser>;
  let teamId: string;

  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    const people = await createUsers(ctx.db, Object.values(NAMES));
    u = Object.fromEntries((Object.keys(NAMES) as Person[]).map((p) => [p, people[NAMES[p]]!])) as Record<Person, TestUser>;
    teamId = (await createTeamWith(ctx.db, { owner: u.owner, member: [u.facilitator, u.ana, u.ben] })).id;
  });

  /** A revealed decision with ana's and ben's weights and scores. */
  const revealedWithBallots = async (overrides: { anonymous?: boolean } = {}) => {
    const fx = await createDecisionFixture(ctx.db, u.facilitator.id, teamId, overrides);
    await moveTo(ctx.db, fx, "weighting");
    for (const p of ["ana", "ben"] as const) await saveWeights(ctx.db, u[p].id, weightSheet(fx, WEIGHTS[p]!));
    await moveTo(ctx.db, fx, "scoring");
    for (const p of ["ana", "ben"] as const) await saveScores(ctx.db, u[p].id, scoreGrid(fx, SCORES[p]!));
    await moveTo(ctx.db, fx, "revealed");
    return fx;
  };

  /** The tally computed straight from the values above, without the database. */
  const expectedTally = (fx: DecisionFixture) => {
    const voters = ["ana", "ben"] as const;
    const input: TallyInput = {
      options: fx.options.map((o) => ({ id: o.id, name: o.name })),
      criteria: fx.criteria.map((c) => ({ id: c.id, name: c.name })),
      members: voters.map((p) => ({ id: u[p].id, name: NAMES[p] })),
      weights: voters.flatMap((p) => fx.criteria.map((c, i) => ({ memberId: u[p].id, criterionId: c.id, weight: WEIGHTS[p]![i]! }))),
      scores: voters.flatMap((p) =>
        SCORES[p]!.flatMap((row, o) =>
          row.flatMap((score, c) => (score === undefined ? [] : [{ memberId: u[p].id, optionId: fx.options[o]!.id, criterionId: fx.criteria[c]!.id, score }])),
        ),
      ),
    };
    return tally(input);
  };

  describe("deciding", () => {
    test.each(["draft", "weighting", "scoring", "decided", "withdrawn"] as const)("a %s decision cannot be decided", async (status) => {
      const fx = await decisionIn(ctx.db, status, u.facilitator.id, teamId);
      const before = await decisionState(ctx.db, fx.decisionId);

      await expect(decide(ctx.db, u.facilitator.id, decideInput(fx, fx.options[0]!.id, { justification: "x" }))).rejects.toThrow(ConflictError);

      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });

    test("choosing an option the tally did not rank first needs a justification", async () => {
      const fx = await revealedWithBallots();
      const before = await decisionState(ctx.db, fx.decisionId);

      const error = await rejectionOf(decide(ctx.db, u.facilitator.id, decideInput(fx, fx.options[1]!.id)));

      expect(error).toBeInstanceOf(AppError);
      expect(error).not.toBeInstanceOf(ConflictError);
      expect(Object.keys((error as AppError).fieldErrors)).toEqual(["justification"]);
      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });

    test("with a justification it is recorded, along with the ADR fields, who decided and when", async () => {
      const fx = await revealedWithBallots();
      const now = new Date();
      const input = decideInput(fx, fx.options[1]!.id, { justification: "Beta is what the team already knows" });

      await decide(ctx.db, u.owner.id, input, now);

      const outcome = await getOutcome(ctx.db, fx.decisionId);
      expect(outcome).toMatchObject({
        chosenOptionId: fx.options[1]!.id,
        chosenOptionName: "Beta",
        decidedBy: u.owner.id,
        decidedAt: now,
        record: {
          context: input.context,
          decision: input.decision,
          consequencesGood: input.consequencesGood,
          consequencesBad: input.consequencesBad,
          justification: "Beta is what the team already knows",
        },
      });
      expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ status: "decided", decidedAt: now });
      expect((await eventsOfDecision(ctx.db, fx.decisionId)).at(-1)).toMatchObject({
        type: "decision.decided",
        actorId: u.owner.id,
        payload: { chosenOptionId: fx.options[1]!.id, chosenOptionName: "Beta", topRanked: false },
      });
    });

    test("choosing the top-ranked option needs no justification, and none is kept", async () => {
      const fx = await revealedWithBallots();

      await decide(ctx.db, u.facilitator.id, decideInput(fx, fx.options[0]!.id, { justification: "Not needed" }));

      expect((await getOutcome(ctx.db, fx.decisionId))?.record.justification).toBeNull();
      expect((await eventsOfDecision(ctx.db, fx.decisionId)).at(-1)?.payload).toMatchObject({ topRanked: true });
    });

    test("an option of another decision is refused", async () => {
      const fx = await revealedWithBallots();
      const other = await decisionIn(ctx.db, "draft", u.facilitator.id, teamId);
      const before = await decisionState(ctx.db, fx.decisionId);

      const error = await rejectionOf(decide(ctx.db, u.facilitator.id, decideInput(fx, other.options[0]!.id, { justification: "x" })));

      expect((error as AppError).fieldErrors).toHaveProperty("chosenOptionId");
      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });
  });

  describe("the snapshot", () => {
    test("holds the options, criteria, inputs and the tally as they were, and the tally matches tally()", async () => {
      const fx = await revealedWithBallots();
      const now = new Date();
      await decide(ctx.db, u.facilitator.id, decideInput(fx, fx.options[0]!.id), now);

      const { snapshot } = (await getOutcome(ctx.db, fx.decisionId))!;

      expect(snapshot).toMatchObject({ takenAt: now.toISOString(), decision: { id: fx.decisionId, title: fx.decision.title, anonymous: false } });
      expect(snapshot.options).toEqual(
        fx.options.map((o) => ({ id: o.id, name: o.name, description: o.description, link: o.link, frameworkSlug: o.frameworkSlug })),
      );
      expect(snapshot.criteria).toEqual(fx.criteria.map((c) => ({ id: c.id, name: c.name, description: c.description })));
      expect(snapshot.inputs.members).toEqual([
        { id: u.ana.id, name: NAMES.ana },
        { id: u.ben.id, name: NAMES.ben },
      ]);
      expect(snapshot.inputs.weights).toHaveLength(4);
      expect(snapshot.inputs.scores).toHaveLength(11);

      const expected = expectedTally(fx);
      expect(snapshot.tally.winners).toEqual([fx.options[0]!.id]);
      expect(snapshot.tally.winners).toEqual(expected.winners);
      expect(snapshot.tally.options.map((o) => [o.optionId, o.rank])).toEqual(expected.options.map((o) => [o.optionId, o.rank]));
      for (const [i, option] of snapshot.tally.options.entries()) expect(option.score).toBeCloseTo(expected.options[i]!.score!, 9);
      expect(snapshot.tally.groupWeights).toEqual(expected.groupWeights);
    });

    test("is frozen: later changes to options, scores, weights, names or the title do not touch it", async () => {
      const fx = await revealedWithBallots();
      await decide(ctx.db, u.facilitator.id, decideInput(fx, fx.options[0]!.id));
      const before = await getOutcome(ctx.db, fx.decisionId);

      await ctx.db.execute(sql`update options set name = 'Renamed', description = 'Changed' where decision_id = ${fx.decisionId}`);
      await ctx.db.execute(sql`update criteria set name = 'Renamed criterion' where decision_id = ${fx.decisionId}`);
      await ctx.db.execute(sql`update scores set score = 1, comment = 'tampered' where decision_id = ${fx.decisionId}`);
      await ctx.db.execute(sql`update weights set weight = 0 where decision_id = ${fx.decisionId}`);
      await ctx.db.execute(sql`update decisions set title = 'Retitled' where id = ${fx.decisionId}`);
      await ctx.db.execute(sql`update users set name = 'Someone Else' where id = ${u.ben.id}`);
      try {
        const after = await getOutcome(ctx.db, fx.decisionId);
        expect(after).toEqual(before);
        expect(after?.chosenOptionName).toBe("Alpha");
        expect(after?.snapshot.options[0]?.name).toBe("Alpha");
        expect(after?.snapshot.inputs.members).toContainEqual({ id: u.ben.id, name: NAMES.ben });
        const listed = (await listDecisions(ctx.db, teamId, { status: "decided" })).find((d) => d.id === fx.decisionId);
        expect(listed?.chosenOptionName).toBe("Alpha");
      } finally {
        await ctx.db.execute(sql`update users set name = ${NAMES.ben} where id = ${u.ben.id}`);
      }
    });

    test("of an anonymous decision holds no member's name or id, and still ranks the same", async () => {
      const fx = await revealedWithBallots({ anonymous: true });
      await decide(ctx.db, u.facilitator.id, decideInput(fx, fx.options[0]!.id));

      const outcome = (await getOutcome(ctx.db, fx.decisionId))!;

      const json = JSON.stringify(outcome.snapshot);
      for (const person of Object.keys(NAMES) as Person[]) {
        expect(json).not.toContain(u[person].id);
        expect(json).not.toContain(NAMES[person]);
        expect(json).not.toContain(NAMES[person].split(" ")[0]);
      }
      expect(outcome.snapshot.inputs.members).toEqual([
        { id: "member-1", name: "Member 1" },
        { id: "member-2", name: "Member 2" },
      ]);
      expect(outcome.snapshot.tally.winners).toEqual(expectedTally(fx).winners);
    });

    test("read back damaged gives a clear error naming what is wrong, not a half-read record", async () => {
      const fx = await revealedWithBallots();
      await decide(ctx.db, u.facilitator.id, decideInput(fx, fx.options[0]!.id));
      await ctx.db.execute(sql`update outcomes set snapshot = jsonb_set(snapshot, '{tally,options}', '"lost"') where decision_id = ${fx.decisionId}`);

      const error = await getOutcome(ctx.db, fx.decisionId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DamagedSnapshotError);
      expect((error as Error).message).toContain("tally.options");
    });

    test("of an anonymous decision numbers members by what they entered, as the exports do, not by id", async () => {
      const fx = await createDecisionFixture(ctx.db, u.facilitator.id, teamId, { anonymous: true });
      // The lower id gets the weights that sort last, so numbering by id would swap the two.
      const [lowerId, higherId] = [u.ana, u.ben].sort((a, b) => (a.id < b.id ? -1 : 1));
      await moveTo(ctx.db, fx, "weighting");
      await saveWeights(ctx.db, lowerId!.id, weightSheet(fx, [8, 2]));
      await saveWeights(ctx.db, higherId!.id, weightSheet(fx, [5, 5]));
      await moveTo(ctx.db, fx, "scoring");
      for (const person of [lowerId!, higherId!]) await saveScores(ctx.db, person.id, scoreGrid(fx, SCORES.ana!));
      await moveTo(ctx.db, fx, "revealed");
      await decide(ctx.db, u.facilitator.id, decideInput(fx, fx.options[0]!.id));

      const { inputs } = (await getOutcome(ctx.db, fx.decisionId))!.snapshot;
      const weightsOf = (memberId: string) => fx.criteria.map((c) => inputs.weights.find((w) => w.memberId === memberId && w.criterionId === c.id)?.weight);
      expect(weightsOf("member-1")).toEqual([5, 5]);
      expect(weightsOf("member-2")).toEqual([8, 2]);
    });
  });

  describe("superseding", () => {
    const decided = () => decisionIn(ctx.db, "decided", u.facilitator.id, teamId);
    const link = (old: DecisionFixture, newer: DecisionFixture, now?: Date) =>
      supersede(ctx.db, u.facilitator.id, { teamId, decisionId: old.decisionId, supersededById: newer.decisionId }, now);
    const states = (...fxs: DecisionFixture[]) => Promise.all(fxs.map((f) => decisionState(ctx.db, f.decisionId)));

    test("links the old decision to the new one, with an event on each", async () => {
      const [old, newer] = [await decided(), await decided()];
      const now = new Date();

      await link(old, newer, now);

      expect(await decisionRow(ctx.db, old.decisionId)).toMatchObject({ supersededById: newer.decisionId, updatedAt: now, status: "decided" });
      expect((await decisionRow(ctx.db, newer.decisionId)).supersededById).toBeNull();
      expect((await eventsOfDecision(ctx.db, old.decisionId)).at(-1)).toMatchObject({
        type: "decision.superseded",
        actorId: u.facilitator.id,
        payload: { byId: newer.decisionId, byTitle: newer.decision.title },
      });
      expect((await eventsOfDecision(ctx.db, newer.decisionId)).at(-1)).toMatchObject({
        type: "decision.supersedes",
        payload: { decisionId: old.decisionId, title: old.decision.title },
      });
    });

    test("a decision cannot supersede itself", async () => {
      const fx = await decided();
      const [before] = await states(fx);

      const error = await rejectionOf(link(fx, fx));

      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fieldErrors).toHaveProperty("supersededById");
      expect(await states(fx)).toEqual([before]);
    });

    test.each([
      { old: "revealed", newer: "decided" },
      { old: "decided", newer: "scoring" },
      { old: "withdrawn", newer: "decided" },
      { old: "decided", newer: "withdrawn" },
    ] as const)("a $old decision cannot be superseded by a $newer one", async ({ old: oldStatus, newer: newerStatus }) => {
      const old = await decisionIn(ctx.db, oldStatus, u.facilitator.id, teamId);
      const newer = await decisionIn(ctx.db, newerStatus, u.facilitator.id, teamId);
      const before = await states(old, newer);

      await expect(link(old, newer)).rejects.toThrow(ConflictError);

      expect(await states(old, newer)).toEqual(before);
    });

    test("a decision of another team cannot supersede", async () => {
      const otherTeam = await createTeamWith(ctx.db, { owner: u.facilitator });
      const old = await decided();
      const foreign = await decisionIn(ctx.db, "decided", u.facilitator.id, otherTeam.id);
      const before = await states(old, foreign);

      const error = await rejectionOf(link(old, foreign));

      expect((error as AppError).fieldErrors).toHaveProperty("supersededById");
      expect(await states(old, foreign)).toEqual(before);
    });

    test("an already superseded decision cannot be superseded again", async () => {
      const [a, b, c] = [await decided(), await decided(), await decided()];
      await link(a, b);
      const before = await states(a, b, c);

      await expect(link(a, c)).rejects.toThrow(/already superseded/);

      expect(await states(a, b, c)).toEqual(before);
    });

    test.each([2, 3, 4])("closing a cycle of %i decisions is refused", async (length) => {
      const chain: DecisionFixture[] = [];
      for (let i = 0; i < length; i++) chain.push(await decided());
      // 0 → 1 → … → last: each superseded by the next. Then last → 0 would close the loop.
      for (let i = 0; i + 1 < length; i++) await link(chain[i]!, chain[i + 1]!);
      const before = await states(...chain);

      await expect(link(chain[length - 1]!, chain[0]!)).rejects.toThrow(ConflictError);

      expect(await states(...chain)).toEqual(before);
    });
  });

  describe("deprecating", () => {
    test("sets deprecatedAt once and logs it; a second time is a ConflictError", async () => {
      const fx = await decisionIn(ctx.db, "decided", u.facilitator.id, teamId);
      const now = new Date();

      await deprecate(ctx.db, u.facilitator.id, { teamId, decisionId: fx.decisionId }, now);

      expect(await decisionRow(ctx.db, fx.decisionId)).toMatchObject({ deprecatedAt: now, status: "decided" });
      expect((await eventsOfDecision(ctx.db, fx.decisionId)).at(-1)).toMatchObject({ type: "decision.deprecated", actorId: u.facilitator.id });
      const before = await decisionState(ctx.db, fx.decisionId);

      await expect(deprecate(ctx.db, u.owner.id, { teamId, decisionId: fx.decisionId }, hoursAfter(now, 1))).rejects.toThrow(ConflictError);

      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });

    test.each(["draft", "scoring", "revealed", "withdrawn"] as const)("a %s decision cannot be deprecated", async (status) => {
      const fx = await decisionIn(ctx.db, status, u.facilitator.id, teamId);
      const before = await decisionState(ctx.db, fx.decisionId);

      await expect(deprecate(ctx.db, u.facilitator.id, { teamId, decisionId: fx.decisionId })).rejects.toThrow(ConflictError);

      expect(await decisionState(ctx.db, fx.decisionId)).toEqual(before);
    });
  });
});
