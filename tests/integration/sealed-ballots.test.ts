import { beforeAll, expect, test } from "vitest";
import { ownWeights, progress } from "../../db/queries/ballots";
import { scoreSheetSource } from "../../db/queries/sheet-source";
import type { Db } from "../../db/client";
import { ForbiddenError, NotFoundError } from "../../lib/errors";
import { type CellSpec, createDecisionFixture, type DecisionFixture, ensureCatalog, moveTo, scoreSheet, weightSheet } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";
import { allBallots, saveScores, saveWeights } from "../support/use-cases";
import { VOTING_ROLES } from "../../lib/auth/roles";

/** The caller's own sheets of one round, read the way the weights and scores pages read them. */
async function ownBallot(db: Db, decisionId: string, userId: string, round = 1) {
  const [weights, scores] = await Promise.all([ownWeights(db, decisionId, userId), scoreSheetSource(db, decisionId, userId, [round])]);
  return { weights, scores: scores.own.map(({ round: _, ...rest }) => rest) };
}

type Person = "owner" | "admin" | "facilitator" | "ana" | "ben" | "viewer" | "outsider";

// Who enters what. Ben weights but never scores; nobody else votes.
const WEIGHTS: Partial<Record<Person, [number, number]>> = { ana: [8, 2], ben: [5, 5], facilitator: [1, 9] };
const SCORES: Partial<Record<Person, CellSpec[]>> = {
  ana: [
    { option: 0, criterion: 0, score: 5, comment: "Fastest in our benchmark", evidence: "https://bench.example.com/a" },
    { option: 0, criterion: 1, score: 4 },
    { option: 1, criterion: 0, score: 2 },
  ],
  facilitator: [
    { option: 0, criterion: 0, score: 3 },
    { option: 1, criterion: 1, score: 4 },
    { option: 2, criterion: 1, score: 1 },
  ],
};
const VOTERS = ["ana", "ben", "facilitator"] as const;

/** Every number anywhere in a value, with where it was. */
function numbersIn(value: unknown, path = ""): [string, number][] {
  if (typeof value === "number") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => numbersIn(v, path ? `${path}.${k}` : k));
  return [];
}

describeEachDriver("sealed ballots", (ctx) => {
  let u: Record<Person, TestUser>;
  let teamId: string;
  const fx = {} as Record<"draft" | "weighting" | "scoring" | "revealed", DecisionFixture>;

  const enterWeights = (f: DecisionFixture, who: readonly Person[]) => Promise.all(who.map((p) => saveWeights(ctx.db, u[p].id, weightSheet(f, WEIGHTS[p]!))));
  const enterScores = (f: DecisionFixture, who: readonly Person[]) => Promise.all(who.map((p) => saveScores(ctx.db, u[p].id, scoreSheet(f, SCORES[p]!))));

  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    u = await createUsers(ctx.db, ["owner", "admin", "facilitator", "ana", "ben", "viewer", "outsider"]);
    teamId = (await createTeamWith(ctx.db, { owner: u.owner, admin: u.admin, member: [u.facilitator, u.ana, u.ben], viewer: u.viewer })).id;
    await createTeamWith(ctx.db, { owner: u.outsider });

    for (const phase of ["draft", "weighting", "scoring", "revealed"] as const) {
      const f = await createDecisionFixture(ctx.db, u.facilitator.id, teamId);
      if (phase !== "draft") {
        await moveTo(ctx.db, f, "weighting");
        await enterWeights(f, phase === "weighting" ? ["ana", "facilitator"] : VOTERS);
      }
      if (phase === "scoring" || phase === "revealed") {
        await moveTo(ctx.db, f, "scoring");
        await enterScores(f, ["ana", "facilitator"]);
      }
      if (phase === "revealed") await moveTo(ctx.db, f, "revealed");
      fx[phase] = f;
    }
  });

  const expectedWeights = (f: DecisionFixture, who: readonly Person[]) =>
    who.flatMap((p) => f.criteria.map((c, i) => ({ memberId: u[p].id, criterionId: c.id, weight: WEIGHTS[p]![i]! })));
  const expectedScores = (f: DecisionFixture, who: readonly Person[]) =>
    who.flatMap((p) =>
      SCORES[p]!.map((c) => ({
        memberId: u[p].id,
        optionId: f.options[c.option]!.id,
        criterionId: f.criteria[c.criterion]!.id,
        score: c.score!,
        comment: c.comment ?? null,
        evidenceUrl: c.evidence ?? null,
      })),
    );

  const SEALED_ROWS = (["draft", "weighting", "scoring"] as const).flatMap((phase) =>
    (["owner", "admin", "facilitator", "ana", "ben", "viewer"] as const).map((person) => ({ phase, person })),
  );

  test.each(SEALED_ROWS)("in $phase, allBallots is forbidden to $person", async ({ phase, person }) => {
    await expect(allBallots(ctx.db, u[person].id, teamId, fx[phase].decisionId)).rejects.toThrow(ForbiddenError);
  });

  test.each(["scoring", "revealed"] as const)("in %s, allBallots is notFound to a non-member", async (phase) => {
    await expect(allBallots(ctx.db, u.outsider.id, teamId, fx[phase].decisionId)).rejects.toThrow(NotFoundError);
  });

  test("ownBallot returns the caller's own rows and nobody else's", async () => {
    const f = fx.scoring;
    const sorted = <T extends { criterionId: string; optionId?: string }>(rows: T[]) =>
      [...rows].sort((a, b) => `${a.optionId ?? ""}${a.criterionId}`.localeCompare(`${b.optionId ?? ""}${b.criterionId}`));
    const strip = <T extends { memberId: string }>(rows: T[]) => rows.map(({ memberId: _, ...rest }) => rest);

    for (const person of ["ana", "facilitator"] as const) {
      const own = await ownBallot(ctx.db, f.decisionId, u[person].id);
      expect(sorted(own.weights)).toEqual(sorted(strip(expectedWeights(f, [person]))));
      expect(sorted(own.scores)).toEqual(sorted(strip(expectedScores(f, [person]))));
    }
    const ben = await ownBallot(ctx.db, f.decisionId, u.ben.id);
    expect(sorted(ben.weights)).toEqual(sorted(strip(expectedWeights(f, ["ben"]))));
    expect(ben.scores).toEqual([]);
    expect(await ownBallot(ctx.db, f.decisionId, u.viewer.id)).toEqual({ weights: [], scores: [] });
    // Weights of one decision never show up on another.
    expect((await ownBallot(ctx.db, fx.draft.decisionId, u.ana.id)).weights).toEqual([]);
  });

  test("progress tells how many and who submitted, but carries no weights or scores", async () => {
    const f = fx.scoring;

    const result = await progress(ctx.db, teamId, f.decisionId, 1, VOTING_ROLES);

    expect({ eligible: result.eligible, weighted: result.weighted, scored: result.scored }).toEqual({ eligible: 5, weighted: 3, scored: 2 });
    const voters = [...result.voters].sort((a, b) => a.name.localeCompare(b.name));
    expect(voters).toEqual([
      { userId: u.admin.id, name: "admin", weighted: false, scored: false },
      { userId: u.ana.id, name: "ana", weighted: true, scored: true },
      { userId: u.ben.id, name: "ben", weighted: true, scored: false },
      { userId: u.facilitator.id, name: "facilitator", weighted: true, scored: true },
      { userId: u.owner.id, name: "owner", weighted: false, scored: false },
    ]);
    // The only numbers are the three counts; no option or criterion is even named.
    expect(numbersIn(result)).toEqual([
      ["eligible", 5],
      ["weighted", 3],
      ["scored", 2],
    ]);
    const json = JSON.stringify(result);
    for (const id of [...f.options.map((o) => o.id), ...f.criteria.map((c) => c.id)]) expect(json).not.toContain(id);
  });

  test.each(["owner", "admin", "facilitator", "ana", "ben", "viewer"] as const)("after the reveal, allBallots shows %s everyone's values", async (person) => {
    const f = fx.revealed;
    const key = (r: { memberId: string; criterionId: string; optionId?: string }) => `${r.memberId}/${r.optionId ?? ""}/${r.criterionId}`;
    const byKey = <T extends { memberId: string; criterionId: string; optionId?: string }>(rows: T[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

    const all = await allBallots(ctx.db, u[person].id, teamId, f.decisionId);

    expect(all.members).toEqual(VOTERS.map((p) => ({ id: u[p].id, name: p })));
    expect(byKey(all.weights)).toEqual(byKey(expectedWeights(f, VOTERS)));
    expect(byKey(all.scores)).toEqual(byKey(expectedScores(f, ["ana", "facilitator"])));
  });
});
