import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { catalogEntries } from "../../db/queries/decisions";
import { appendEvent } from "../../db/queries/events";
import { setAsideWeights, weightBallots } from "../../db/queries/withdrawals";
import { criteria, decisions, options } from "../../db/schema";
import {
  canOpenNextRound,
  canTransition,
  closedPhaseMessage,
  type DecisionStatus,
  isEditable,
  nextPhase,
  passedDeadlineRefusal,
  STATUS_LABELS,
} from "../domain/phases";
import { returnToDraftRefusal, weightsSetAside } from "../domain/undo";
import { AppError } from "../errors";
import type { DecisionDraftInput } from "../validation/decision";
import type { DecisionContext, TeamContext } from "./access";
import { changeDecision } from "./decision-change";

// Use cases of a decision's life: creating and editing the draft, moving it through its phases.

function checkDeadlines(input: DecisionDraftInput, now: Date) {
  const errors: Record<string, string> = {};
  if (input.weightingDeadline && input.weightingDeadline <= now) errors.weightingDeadline = "Pick a time in the future";
  if (input.scoringDeadline && input.scoringDeadline <= now) errors.scoringDeadline = "Pick a time in the future";
  if (input.weightingDeadline && input.scoringDeadline && input.scoringDeadline <= input.weightingDeadline) {
    errors.scoringDeadline = "Scoring must close after weighting closes";
  }
  if (Object.keys(errors).length > 0) throw new AppError("Please correct the deadlines.", errors);
}

async function writeOptionsAndCriteria(tx: Tx, decisionId: string, input: DecisionDraftInput) {
  const slugs = [...new Set(input.frameworks)];
  const shortlisted = await catalogEntries(tx, slugs);
  const missing = slugs.filter((slug) => !shortlisted.some((f) => f.slug === slug));
  if (missing.length > 0) {
    throw new AppError("Some shortlisted frameworks are not in the catalog.", { options: `Unknown framework: ${missing.join(", ")}` });
  }
  const optionRows = [
    ...shortlisted.map((f) => ({ frameworkSlug: f.slug, name: f.name, description: f.description, link: f.website })),
    ...input.customOptions.map((o) => ({ frameworkSlug: null, name: o.name, description: o.description, link: o.link })),
  ];
  const names = optionRows.map((o) => o.name.toLowerCase());
  if (new Set(names).size !== names.length) {
    throw new AppError("Two options have the same name.", { options: "A custom option has the same name as a shortlisted framework" });
  }
  await tx.insert(options).values(optionRows.map((o, position) => ({ ...o, decisionId, position })));
  await tx.insert(criteria).values(input.criteria.map((c, position) => ({ ...c, decisionId, position })));
}

export async function createDecision(ctx: TeamContext<"decision.create">, input: DecisionDraftInput) {
  checkDeadlines(input, ctx.now);
  const [decision] = await ctx.tx
    .insert(decisions)
    .values({
      teamId: ctx.teamId,
      title: input.title,
      context: input.context,
      facilitatorId: ctx.actor.userId,
      anonymous: input.anonymous,
      weightingDeadline: input.weightingDeadline,
      scoringDeadline: input.scoringDeadline,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await writeOptionsAndCriteria(ctx.tx, decision!.id, input);
  await appendEvent(ctx.tx, {
    at: ctx.now,
    teamId: ctx.teamId,
    decisionId: decision!.id,
    actorId: ctx.actor.userId,
    type: "decision.created",
    payload: { title: input.title, anonymous: input.anonymous },
  });
  return decision!;
}

export async function editDecision(ctx: DecisionContext<"decision.run">, input: DecisionDraftInput & { version: number }) {
  checkDeadlines(input, ctx.now);
  const decision = await changeDecision(ctx, {
    refusal: (current) => {
      if (!isEditable(current.status)) return closedPhaseMessage(current.status, "edit");
      if (current.version !== input.version) return "Someone changed this decision while you were editing. Reload to see their changes, then edit again.";
      return null;
    },
    set: {
      title: input.title,
      context: input.context,
      anonymous: input.anonymous,
      weightingDeadline: input.weightingDeadline,
      scoringDeadline: input.scoringDeadline,
    },
    event: { type: "decision.edited", payload: { title: input.title } },
  });
  // Nothing refers to options or criteria while in draft: no weights or scores exist yet.
  await ctx.tx.delete(options).where(eq(options.decisionId, decision.id));
  await ctx.tx.delete(criteria).where(eq(criteria.decisionId, decision.id));
  await writeOptionsAndCriteria(ctx.tx, decision.id, input);
}

/** `from` is the phase the person saw: a second click on a stale page must not skip a phase. */
export async function advancePhase(ctx: DecisionContext<"decision.run">, input: { from: DecisionStatus }): Promise<DecisionStatus> {
  const from = ctx.decision.status;
  const to = nextPhase(from);
  await changeDecision(ctx, {
    refusal: (current) => {
      if (current.status !== input.from) return `This decision already moved on: it is now ${STATUS_LABELS[current.status].toLowerCase()}.`;
      if (!to || to === "decided" || !canTransition(current.status, to)) {
        return current.status === "revealed" ? "Record the outcome to decide." : `A ${STATUS_LABELS[current.status].toLowerCase()} decision cannot move on.`;
      }
      return to === "weighting" ? passedDeadlineRefusal(current, ctx.now) : null;
    },
    set: { status: to!, ...(to === "revealed" ? { revealedAt: ctx.now } : {}) },
    event: { type: "decision.phase_changed", payload: { from, to, reason: "facilitator" } },
  });
  return to!;
}

/** `round` is the round the person saw: a double click must not open two rounds. */
export async function openNextRound(ctx: DecisionContext<"decision.run">, input: { round: number }): Promise<number> {
  const round = ctx.decision.currentRound + 1;
  await changeDecision(ctx, {
    refusal: (current) => {
      if (!canOpenNextRound(current.status)) return "Another scoring round can only start after a reveal, before the decision is recorded.";
      if (current.currentRound !== input.round) return `Round ${current.currentRound} is already open.`;
      return null;
    },
    set: { status: "scoring", currentRound: round, scoringDeadline: null },
    event: { type: "decision.round_opened", payload: { round, from: "revealed", to: "scoring" } },
  });
  return round;
}

export async function withdrawDecision(ctx: DecisionContext<"decision.run">, input: { reason: string }) {
  const from = ctx.decision.status;
  await changeDecision(ctx, {
    refusal: (current) =>
      canTransition(current.status, "withdrawn") ? null : `A ${STATUS_LABELS[current.status].toLowerCase()} decision cannot be withdrawn.`,
    set: { status: "withdrawn" },
    event: { type: "decision.phase_changed", payload: { from, to: "withdrawn", reason: input.reason || null } },
  });
}

/**
 * Takes a decision in weighting back to draft, so its options and criteria can be fixed. The
 * weights given so far are set aside (deleted, with the ballot rows that count them); the history
 * keeps their events and one more saying whose were set aside. `setAside` is how many members the
 * facilitator was told had weighted: if more have since, they confirm again.
 */
export async function returnToDraft(ctx: DecisionContext<"decision.run">, input: { setAside: number }): Promise<number> {
  // Under the update lock no save runs alongside: the members read here are the ones set aside.
  const members = await weightBallots(ctx.tx, ctx.decision.id);
  await changeDecision(ctx, {
    refusal: (current) => {
      const refusal = returnToDraftRefusal(current.status);
      if (refusal) return refusal;
      if (members.length !== input.setAside) {
        return `Since you looked, the count changed: ${weightsSetAside(members.length)} would now be set aside. Check and confirm again.`;
      }
      return null;
    },
    set: { status: "draft" },
    event: { type: "decision.returned_to_draft", payload: { from: "weighting", to: "draft", setAside: members.length, members } },
  });
  await setAsideWeights(ctx.tx, ctx.decision.id);
  return members.length;
}
