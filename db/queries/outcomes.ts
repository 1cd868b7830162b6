import "server-only";
import { and, eq } from "drizzle-orm";
import { pseudonymise } from "../../lib/domain/pseudonyms";
import { tallyOf } from "../../lib/domain/tally-of";
import { AppError, ConflictError, NotFoundError } from "../../lib/errors";
import type { DecideInput } from "../../lib/validation/decision";
import { type DecisionSnapshot, parseDecisionSnapshot, SNAPSHOT_VERSION } from "../../lib/validation/decision-snapshot";
import type { Db, Executor } from "../client";
import { decisions, outcomes, type Criterion, type Decision, type Option } from "../schema";
import { type BallotInputs, ballotsOf } from "./ballots";
import { appendEvent } from "./events";
import { DECISION_NOT_FOUND, findDecision, loadStructure, requireDecision, requireFacilitator } from "./decisions";

function snapshotOf(decision: Decision, structure: { options: Option[]; criteria: Criterion[] }, inputs: BallotInputs, now: Date): DecisionSnapshot {
  const ids = { optionIds: structure.options.map((o) => o.id), criterionIds: structure.criteria.map((c) => c.id) };
  const recorded = decision.anonymous ? pseudonymise(inputs, ids) : inputs;
  return {
    snapshotVersion: SNAPSHOT_VERSION,
    takenAt: now.toISOString(),
    round: decision.currentRound,
    decision: { id: decision.id, title: decision.title, context: decision.context, anonymous: decision.anonymous },
    options: structure.options.map((o) => ({ id: o.id, name: o.name, description: o.description, link: o.link, frameworkSlug: o.frameworkSlug })),
    criteria: structure.criteria.map((c) => ({ id: c.id, name: c.name, description: c.description })),
    inputs: recorded,
    tally: tallyOf(structure, recorded),
  };
}

export async function decide(db: Db, actorId: string, input: DecideInput, now = new Date()) {
  const access = await requireDecision(db, actorId, input.teamId, input.decisionId, "team.view", now);
  requireFacilitator(access);
  return db.transaction(async (tx) => {
    const current = await findDecision(tx, input.teamId, input.decisionId, "update");
    if (!current) throw new NotFoundError(DECISION_NOT_FOUND);
    if (current.status === "decided") throw new ConflictError("This decision was already decided.");
    if (current.status !== "revealed") throw new ConflictError("Reveal the results before recording the outcome.");
    const structure = await loadStructure(tx, current.id);
    const chosen = structure.options.find((o) => o.id === input.chosenOptionId);
    if (!chosen) throw new AppError("Choose one of this decision's options.", { chosenOptionId: "Choose one of this decision's options" });
    const snapshot = snapshotOf(current, structure, await ballotsOf(tx, current.id, current.currentRound), now);
    const topRanked = snapshot.tally.winners.includes(chosen.id);
    if (!topRanked && !input.justification) {
      throw new AppError("You chose an option the tally did not rank first: say why.", {
        justification: "Explain why the team chose an option other than the top-ranked one",
      });
    }
    await tx.insert(outcomes).values({
      decisionId: current.id,
      chosenOptionId: chosen.id,
      chosenOptionName: chosen.name,
      record: {
        context: input.context,
        decision: input.decision,
        consequencesGood: input.consequencesGood,
        consequencesBad: input.consequencesBad,
        justification: topRanked ? null : input.justification,
      },
      snapshot,
      decidedBy: actorId,
      decidedAt: now,
    });
    await tx
      .update(decisions)
      .set({ status: "decided", decidedAt: now, updatedAt: now, version: current.version + 1 })
      .where(eq(decisions.id, current.id));
    await appendEvent(tx, {
      at: now,
      teamId: input.teamId,
      decisionId: current.id,
      actorId,
      type: "decision.decided",
      payload: { chosenOptionId: chosen.id, chosenOptionName: chosen.name, topRanked, round: current.currentRound },
    });
  });
}

export async function getOutcome(db: Executor, decisionId: string) {
  const [row] = await db.select().from(outcomes).where(eq(outcomes.decisionId, decisionId)).limit(1);
  return row ? { ...row, snapshot: parseDecisionSnapshot(row.snapshot) } : null;
}

export async function supersede(db: Db, actorId: string, input: { teamId: string; decisionId: string; supersededById: string }, now = new Date()) {
  const access = await requireDecision(db, actorId, input.teamId, input.decisionId, "team.view", now);
  requireFacilitator(access);
  if (input.supersededById === input.decisionId) {
    throw new AppError("A decision cannot supersede itself.", { supersededById: "Choose a different, newer decision" });
  }
  await db.transaction(async (tx) => {
    const old = await findDecision(tx, input.teamId, input.decisionId, "update");
    const newer = await findDecision(tx, input.teamId, input.supersededById, "update");
    if (!old) throw new NotFoundError(DECISION_NOT_FOUND);
    if (!newer) throw new AppError("Choose a decision of this team.", { supersededById: "Choose a decided decision of this team" });
    if (old.status !== "decided" || newer.status !== "decided") {
      throw new ConflictError("Only a decided decision can supersede another decided decision.");
    }
    if (old.supersededById) throw new ConflictError("This decision is already superseded.");
    // Following what supersedes the newer decision must not lead back to the old one: that would close a loop.
    for (let next = newer.supersededById, hops = 0; next; hops++) {
      if (next === old.id || hops > 1000) throw new ConflictError("That decision is itself superseded by this one.");
      const [row] = await tx.select({ next: decisions.supersededById }).from(decisions).where(eq(decisions.id, next));
      next = row?.next ?? null;
    }
    await tx
      .update(decisions)
      .set({ supersededById: newer.id, updatedAt: now })
      .where(and(eq(decisions.id, old.id), eq(decisions.teamId, input.teamId)));
    await appendEvent(tx, {
      at: now,
      teamId: input.teamId,
      decisionId: old.id,
      actorId,
      type: "decision.superseded",
      payload: { byId: newer.id, byTitle: newer.title },
    });
    await appendEvent(tx, {
      at: now,
      teamId: input.teamId,
      decisionId: newer.id,
      actorId,
      type: "decision.supersedes",
      payload: { decisionId: old.id, title: old.title },
    });
  });
}

export async function deprecate(db: Db, actorId: string, input: { teamId: string; decisionId: string }, now = new Date()) {
  const access = await requireDecision(db, actorId, input.teamId, input.decisionId, "team.view", now);
  requireFacilitator(access);
  await db.transaction(async (tx) => {
    const current = await findDecision(tx, input.teamId, input.decisionId, "update");
    if (!current) throw new NotFoundError(DECISION_NOT_FOUND);
    if (current.status !== "decided") throw new ConflictError("Only a decided decision can be deprecated.");
    if (current.deprecatedAt) throw new ConflictError("This decision is already deprecated.");
    await tx.update(decisions).set({ deprecatedAt: now, updatedAt: now }).where(eq(decisions.id, current.id));
    await appendEvent(tx, { at: now, teamId: input.teamId, decisionId: current.id, actorId, type: "decision.deprecated", payload: {} });
  });
}
