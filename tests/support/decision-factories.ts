import type { Db } from "../../db/client";
import { findDecision, loadStructure } from "../../db/queries/decisions";
import { seedCatalog } from "../../db/seed";
import type { Criterion, Decision, Option } from "../../db/schema";
import type { DecisionStatus } from "../../lib/domain/phases";
import type { CreateDecisionInput, DecideInput, ScoreSheetInput, WeightSheetInput } from "../../lib/validation/decision";
import { uniqueSuffix } from "./factories";
import { advancePhase, createDecision, decide, withdrawDecision } from "./use-cases";

// Decisions built through the app's own queries, with inputs shaped like the zod-parsed forms.

/** Upserts the framework catalog, which options with a framework slug refer to. Safe to run in every file. */
export const ensureCatalog = (db: Db) => seedCatalog(db);

export type DraftOverrides = Partial<Omit<CreateDecisionInput, "teamId">>;

/** Three custom options (Alpha, Beta, Gamma) and two criteria (Speed, Cost), no deadlines. */
export function draftInput(teamId: string, overrides: DraftOverrides = {}): CreateDecisionInput {
  return {
    teamId,
    title: `Decision ${uniqueSuffix()}`,
    context: "Which way should we go?",
    frameworks: [],
    customOptions: [
      { name: "Alpha", description: "The first option", link: null },
      { name: "Beta", description: "The second option", link: "https://beta.example.com" },
      { name: "Gamma", description: "", link: null },
    ],
    criteria: [
      { name: "Speed", description: "How fast it is" },
      { name: "Cost", description: "" },
    ],
    anonymous: false,
    weightingDeadline: null,
    scoringDeadline: null,
    ...overrides,
  };
}

/** A decision with its options and criteria in display order. */
export type DecisionFixture = {
  teamId: string;
  decisionId: string;
  facilitatorId: string;
  decision: Decision;
  options: Option[];
  criteria: Criterion[];
};

export async function createDecisionFixture(
  db: Db,
  facilitatorId: string,
  teamId: string,
  overrides: DraftOverrides = {},
  now?: Date,
): Promise<DecisionFixture> {
  const decision = await createDecision(db, facilitatorId, draftInput(teamId, overrides), now);
  const structure = await loadStructure(db, decision.id);
  return { teamId, decisionId: decision.id, facilitatorId, decision, ...structure };
}

const PATH = ["draft", "weighting", "scoring", "revealed"] as const;

/**
 * Moves a fixture forward through the facilitator's own actions until it reaches `target`.
 * "decided" records the first option (with a justification, in case the tally ranks another first);
 * "withdrawn" withdraws from wherever the decision is.
 */
export async function moveTo(db: Db, fx: DecisionFixture, target: DecisionStatus, options: { actorId?: string; now?: Date } = {}): Promise<void> {
  const actorId = options.actorId ?? fx.facilitatorId;
  const ref = { teamId: fx.teamId, decisionId: fx.decisionId };
  if (target === "withdrawn") {
    await withdrawDecision(db, actorId, { ...ref, reason: "No longer needed" }, options.now);
    return;
  }
  const stop = target === "decided" ? "revealed" : target;
  const current = await findDecision(db, fx.teamId, fx.decisionId);
  if (!current) throw new Error(`moveTo: decision ${fx.decisionId} not found`);
  let status: DecisionStatus = current.status;
  while (status !== stop) {
    const from = PATH.find((phase) => phase === status);
    if (!from) throw new Error(`moveTo: cannot move a ${status} decision to ${target}`);
    status = await advancePhase(db, actorId, { ...ref, from }, options.now);
  }
  if (target === "decided") await decide(db, actorId, decideInput(fx, fx.options[0]!.id, { justification: "Picked by the test factory" }), options.now);
}

/** Creates a decision and moves it to `status` in one go. */
export async function decisionIn(db: Db, status: DecisionStatus, facilitatorId: string, teamId: string, overrides: DraftOverrides = {}) {
  const fx = await createDecisionFixture(db, facilitatorId, teamId, overrides);
  await moveTo(db, fx, status);
  return fx;
}

/** A weight sheet giving the fixture's criteria `values`, in display order. */
export function weightSheet(fx: DecisionFixture, values: readonly number[]): WeightSheetInput {
  if (values.length !== fx.criteria.length) throw new Error(`weightSheet: ${fx.criteria.length} criteria, ${values.length} values`);
  return { teamId: fx.teamId, decisionId: fx.decisionId, weights: Object.fromEntries(fx.criteria.map((c, i) => [c.id, values[i]!])) };
}

/** A cell by option and criterion index; no score means a cleared cell. */
export type CellSpec = { option: number; criterion: number; score?: number; comment?: string; evidence?: string | null };

export function scoreSheet(fx: DecisionFixture, cells: readonly CellSpec[]): ScoreSheetInput {
  return {
    teamId: fx.teamId,
    decisionId: fx.decisionId,
    cells: cells.map((c) => ({
      optionId: fx.options[c.option]!.id,
      criterionId: fx.criteria[c.criterion]!.id,
      score: c.score,
      comment: c.comment ?? "",
      evidence: c.evidence ?? null,
    })),
  };
}

/** A full score sheet from a grid: rows are options, columns criteria; undefined leaves a cell blank. */
export function scoreGrid(fx: DecisionFixture, grid: readonly (readonly (number | undefined)[])[]): ScoreSheetInput {
  return scoreSheet(
    fx,
    grid.flatMap((row, option) => row.map((score, criterion) => ({ option, criterion, score }))),
  );
}

export function decideInput(fx: DecisionFixture, chosenOptionId: string, overrides: Partial<DecideInput> = {}): DecideInput {
  return {
    teamId: fx.teamId,
    decisionId: fx.decisionId,
    chosenOptionId,
    justification: "",
    context: "We needed to pick one.",
    decision: "We picked the best fit.",
    consequencesGood: "Faster delivery.",
    consequencesBad: "Some migration work.",
    ...overrides,
  };
}

/** A fixed instant plus some hours, for tests that pass an explicit `now`. */
export const hoursAfter = (base: Date, hours: number) => new Date(base.getTime() + hours * 3_600_000);
