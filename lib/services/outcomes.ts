import "server-only";
import type { Executor } from "../../db/client";
import { type BallotInputs, ballotsOf } from "../../db/queries/ballots";
import { findDecision, loadStructure } from "../../db/queries/decisions";
import { appendEvent } from "../../db/queries/events";
import { findOutcomeRow, insertAmendment, insertOutcome, supersededBy } from "../../db/queries/outcomes";
import type { Criterion, Decision, Option } from "../../db/schema";
import { pseudonymise } from "../domain/pseudonyms";
import { defaultReviewDue } from "../domain/review";
import { tallyOf } from "../domain/tally-of";
import { AppError, ConflictError } from "../errors";
import type { AmendOutcomeInput, DecideInput } from "../validation/decision";
import { type DecisionSnapshot, parseDecisionSnapshot, SNAPSHOT_VERSION } from "../validation/decision-snapshot";
import type { DecisionContext } from "./access";
import { changeDecision } from "./decision-change";

// Recording the outcome (the ADR and a snapshot of the tally it rests on), and what happens to a
// decided decision later: superseded by a newer one, or deprecated.

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

/** `reviewDueAt`: when the team looks back at the choice; six months on when not given. */
export async function decide(ctx: DecisionContext<"decision.run">, input: Omit<DecideInput, "teamId" | "decisionId"> & { reviewDueAt?: Date }) {
  const { tx, decision, now } = ctx;
  if (decision.status === "decided") throw new ConflictError("This decision was already decided.");
  if (decision.status !== "revealed") throw new ConflictError("Reveal the results before recording the outcome.");
  const structure = await loadStructure(tx, decision.id);
  const chosen = structure.options.find((o) => o.id === input.chosenOptionId);
  if (!chosen) throw new AppError("Choose one of this decision's options.", { chosenOptionId: "Choose one of this decision's options" });
  const snapshot = snapshotOf(decision, structure, await ballotsOf(tx, decision.id, decision.currentRound), now);
  const topRanked = snapshot.tally.winners.includes(chosen.id);
  if (!topRanked && !input.justification) {
    throw new AppError("You chose an option the tally did not rank first: say why.", {
      justification: "Explain why the team chose an option other than the top-ranked one",
    });
  }
  await insertOutcome(tx, {
    decisionId: decision.id,
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
    decidedBy: ctx.actor.userId,
    decidedAt: now,
  });
  await changeDecision(ctx, {
    refusal: () => null,
    set: { status: "decided", decidedAt: now, reviewDueAt: input.reviewDueAt ?? defaultReviewDue(now) },
    event: {
      type: "decision.decided",
      payload: { chosenOptionId: chosen.id, chosenOptionName: chosen.name, topRanked, round: decision.currentRound },
    },
  });
}

/** The recorded outcome with its snapshot parsed; a damaged snapshot throws DamagedSnapshotError. */
export async function getOutcome(db: Executor, decisionId: string) {
  const row = await findOutcomeRow(db, decisionId);
  return row ? { ...row, snapshot: parseDecisionSnapshot(row.snapshot) } : null;
}

export async function supersede(ctx: DecisionContext<"decision.run">, input: { supersededById: string }) {
  const { tx, decision: old } = ctx;
  if (input.supersededById === old.id) {
    throw new AppError("A decision cannot supersede itself.", { supersededById: "Choose a different, newer decision" });
  }
  const newer = await findDecision(tx, ctx.teamId, input.supersededById, "update");
  if (!newer) throw new AppError("Choose a decision of this team.", { supersededById: "Choose a decided decision of this team" });
  if (old.status !== "decided" || newer.status !== "decided") {
    throw new ConflictError("Only a decided decision can supersede another decided decision.");
  }
  // Following what supersedes the newer decision must not lead back to the old one: that would close a loop.
  for (let next = newer.supersededById, hops = 0; next; hops++) {
    if (next === old.id || hops > 1000) throw new ConflictError("That decision is itself superseded by this one.");
    next = await supersededBy(tx, next);
  }
  await changeDecision(ctx, {
    refusal: (current) => (current.supersededById ? "This decision is already superseded." : null),
    set: { supersededById: newer.id },
    event: { type: "decision.superseded", payload: { byId: newer.id, byTitle: newer.title } },
  });
  await appendEvent(tx, {
    at: ctx.now,
    teamId: ctx.teamId,
    decisionId: newer.id,
    actorId: ctx.actor.userId,
    type: "decision.supersedes",
    payload: { decisionId: old.id, title: old.title },
  });
}

export async function deprecate(ctx: DecisionContext<"decision.run">) {
  await changeDecision(ctx, {
    refusal: (current) => {
      if (current.status !== "decided") return "Only a decided decision can be deprecated.";
      return current.deprecatedAt ? "This decision is already deprecated." : null;
    },
    set: { deprecatedAt: ctx.now },
    event: { type: "decision.deprecated", payload: {} },
  });
}

/** A dated amendment under the record, with its reason; the record as decided stays as it was. */
export async function amendOutcome(ctx: DecisionContext<"decision.run">, input: Pick<AmendOutcomeInput, "text" | "reason">) {
  const { tx, decision } = ctx;
  if (decision.status !== "decided") throw new ConflictError("Only a recorded decision can be amended.");
  const amendmentId = await insertAmendment(tx, {
    teamId: ctx.teamId,
    decisionId: decision.id,
    authorId: ctx.actor.userId,
    text: input.text,
    reason: input.reason,
    createdAt: ctx.now,
  });
  await appendEvent(tx, {
    at: ctx.now,
    teamId: ctx.teamId,
    decisionId: decision.id,
    actorId: ctx.actor.userId,
    type: "outcome.amended",
    payload: { amendmentId },
  });
}
