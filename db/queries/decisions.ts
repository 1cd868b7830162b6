import "server-only";
import { and, asc, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import { requireTeamRole, type TeamAccess } from "../../lib/auth/guard";
import { can } from "../../lib/auth/roles";
import {
  canOpenNextRound,
  canTransition,
  closedPhaseMessage,
  type DecisionStatus,
  dueTransitions,
  isEditable,
  nextPhase,
  STATUS_LABELS,
} from "../../lib/domain/phases";
import { AppError, ConflictError, ForbiddenError, NotFoundError } from "../../lib/errors";
import type { CreateDecisionInput, DecisionDraftInput, EditDecisionInput } from "../../lib/validation/decision";
import type { Db, Executor } from "../client";
import { criteria, decisions, frameworks, options, outcomes, users, type Decision } from "../schema";
import { appendEvent } from "./events";

export const DECISION_NOT_FOUND = "That decision does not exist in this team.";

/** The decision row, only if it belongs to the team. */
export async function findDecision(db: Executor, teamId: string, decisionId: string, lock?: "update" | "share") {
  const query = db
    .select()
    .from(decisions)
    .where(and(eq(decisions.id, decisionId), eq(decisions.teamId, teamId)))
    .limit(1);
  const [row] = lock ? await query.for(lock) : await query;
  return row ?? null;
}

/**
 * Applies phase changes whose deadline has passed. Called whenever a decision is read or written,
 * so no background job is needed; the row lock and the status check make it happen once.
 */
export async function applyDeadlines(db: Db, decision: Decision, now = new Date()): Promise<Decision> {
  if (dueTransitions(decision, now).length === 0) return decision;
  return db.transaction(async (tx) => {
    const current = await findDecision(tx, decision.teamId, decision.id, "update");
    if (!current) return decision;
    const due = dueTransitions(current, now);
    if (due.length === 0) return current;
    const last = due[due.length - 1]!;
    const [updated] = await tx
      .update(decisions)
      .set({
        status: last.to,
        updatedAt: now,
        version: sql`${decisions.version} + 1`,
        ...(last.to === "revealed" ? { revealedAt: now } : {}),
      })
      .where(eq(decisions.id, current.id))
      .returning();
    for (const step of due) {
      await appendEvent(tx, {
        at: now,
        teamId: current.teamId,
        decisionId: current.id,
        actorId: null,
        type: "decision.phase_changed",
        payload: { from: step.from, to: step.to, reason: "deadline", deadline: step.deadline.toISOString() },
      });
    }
    return updated!;
  });
}

export type DecisionAccess = TeamAccess & { decision: Decision; facilitates: boolean };

/** Guard for anything about one decision: team role, decision in that team, deadlines applied. */
export async function requireDecision(
  db: Db,
  userId: string,
  teamId: string,
  decisionId: string,
  permission: Parameters<typeof requireTeamRole>[3] = "team.view",
  now = new Date(),
): Promise<DecisionAccess> {
  const access = await requireTeamRole(db, userId, teamId, permission);
  const found = await findDecision(db, teamId, decisionId);
  if (!found) throw new NotFoundError(DECISION_NOT_FOUND);
  const decision = await applyDeadlines(db, found, now);
  // A facilitator later made a viewer stops facilitating; owners and admins always can.
  const facilitates = (decision.facilitatorId === userId && can(access.role, "decision.create")) || can(access.role, "decision.facilitate");
  return { ...access, decision, facilitates };
}

export function requireFacilitator(access: DecisionAccess): void {
  if (!access.facilitates) {
    throw new ForbiddenError("Only the facilitator of this decision, or a team owner or admin, can do that.");
  }
}

async function catalogEntries(tx: Executor, slugs: string[]) {
  if (slugs.length === 0) return [];
  const found = await tx.select().from(frameworks).where(inArray(frameworks.slug, slugs));
  const missing = slugs.filter((s) => !found.some((f) => f.slug === s));
  if (missing.length > 0) {
    throw new AppError("Some shortlisted frameworks are not in the catalog.", { options: `Unknown framework: ${missing.join(", ")}` });
  }
  return slugs.map((slug) => found.find((f) => f.slug === slug)!);
}

function checkDeadlines(input: DecisionDraftInput, now: Date) {
  const errors: Record<string, string> = {};
  if (input.weightingDeadline && input.weightingDeadline <= now) errors.weightingDeadline = "Pick a time in the future";
  if (input.scoringDeadline && input.scoringDeadline <= now) errors.scoringDeadline = "Pick a time in the future";
  if (input.weightingDeadline && input.scoringDeadline && input.scoringDeadline <= input.weightingDeadline) {
    errors.scoringDeadline = "Scoring must close after weighting closes";
  }
  if (Object.keys(errors).length > 0) throw new AppError("Please correct the deadlines.", errors);
}

async function writeOptionsAndCriteria(tx: Executor, decisionId: string, input: DecisionDraftInput) {
  const shortlisted = await catalogEntries(tx, [...new Set(input.frameworks)]);
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

export async function createDecision(db: Db, actorId: string, input: CreateDecisionInput, now = new Date()) {
  await requireTeamRole(db, actorId, input.teamId, "decision.create");
  checkDeadlines(input, now);
  return db.transaction(async (tx) => {
    const [decision] = await tx
      .insert(decisions)
      .values({
        teamId: input.teamId,
        title: input.title,
        context: input.context,
        facilitatorId: actorId,
        anonymous: input.anonymous,
        weightingDeadline: input.weightingDeadline,
        scoringDeadline: input.scoringDeadline,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeOptionsAndCriteria(tx, decision!.id, input);
    await appendEvent(tx, {
      at: now,
      teamId: input.teamId,
      decisionId: decision!.id,
      actorId,
      type: "decision.created",
      payload: { title: input.title, anonymous: input.anonymous },
    });
    return decision!;
  });
}

export async function editDecision(db: Db, actorId: string, input: EditDecisionInput, now = new Date()) {
  const access = await requireDecision(db, actorId, input.teamId, input.decisionId, "team.view", now);
  requireFacilitator(access);
  checkDeadlines(input, now);
  await db.transaction(async (tx) => {
    const current = await findDecision(tx, input.teamId, input.decisionId, "update");
    if (!current) throw new NotFoundError(DECISION_NOT_FOUND);
    if (!isEditable(current.status)) throw new ConflictError(closedPhaseMessage(current.status, "edit"));
    if (current.version !== input.version) {
      throw new ConflictError("Someone changed this decision while you were editing. Reload to see their changes, then edit again.");
    }
    await tx
      .update(decisions)
      .set({
        title: input.title,
        context: input.context,
        anonymous: input.anonymous,
        weightingDeadline: input.weightingDeadline,
        scoringDeadline: input.scoringDeadline,
        updatedAt: now,
        version: current.version + 1,
      })
      .where(eq(decisions.id, current.id));
    // Nothing refers to options or criteria while in draft: no weights or scores exist yet.
    await tx.delete(options).where(eq(options.decisionId, current.id));
    await tx.delete(criteria).where(eq(criteria.decisionId, current.id));
    await writeOptionsAndCriteria(tx, current.id, input);
    await appendEvent(tx, { at: now, teamId: input.teamId, decisionId: current.id, actorId, type: "decision.edited", payload: { title: input.title } });
  });
}

export async function advancePhase(db: Db, actorId: string, input: { teamId: string; decisionId: string; from: DecisionStatus }, now = new Date()) {
  const access = await requireDecision(db, actorId, input.teamId, input.decisionId, "team.view", now);
  requireFacilitator(access);
  return db.transaction(async (tx) => {
    const current = await findDecision(tx, input.teamId, input.decisionId, "update");
    if (!current) throw new NotFoundError(DECISION_NOT_FOUND);
    if (current.status !== input.from) {
      throw new ConflictError(`This decision already moved on: it is now ${STATUS_LABELS[current.status].toLowerCase()}.`);
    }
    const to = nextPhase(current.status);
    if (!to || to === "decided" || !canTransition(current.status, to)) {
      throw new ConflictError(
        current.status === "revealed" ? "Record the outcome to decide." : `A ${STATUS_LABELS[current.status].toLowerCase()} decision cannot move on.`,
      );
    }
    await tx
      .update(decisions)
      .set({ status: to, updatedAt: now, version: current.version + 1, ...(to === "revealed" ? { revealedAt: now } : {}) })
      .where(eq(decisions.id, current.id));
    await appendEvent(tx, {
      at: now,
      teamId: input.teamId,
      decisionId: current.id,
      actorId,
      type: "decision.phase_changed",
      payload: { from: current.status, to, reason: "facilitator" },
    });
    return to;
  });
}

export async function openNextRound(db: Db, actorId: string, input: { teamId: string; decisionId: string; round: number }, now = new Date()) {
  const access = await requireDecision(db, actorId, input.teamId, input.decisionId, "team.view", now);
  requireFacilitator(access);
  return db.transaction(async (tx) => {
    const current = await findDecision(tx, input.teamId, input.decisionId, "update");
    if (!current) throw new NotFoundError(DECISION_NOT_FOUND);
    if (!canOpenNextRound(current.status)) throw new ConflictError("Another scoring round can only start after a reveal, before the decision is recorded.");
    // The round the person saw: a double click must not open two rounds.
    if (current.currentRound !== input.round) throw new ConflictError(`Round ${current.currentRound} is already open.`);
    const round = current.currentRound + 1;
    await tx
      .update(decisions)
      .set({ status: "scoring", currentRound: round, scoringDeadline: null, updatedAt: now, version: current.version + 1 })
      .where(eq(decisions.id, current.id));
    await appendEvent(tx, {
      at: now,
      teamId: input.teamId,
      decisionId: current.id,
      actorId,
      type: "decision.round_opened",
      payload: { round, from: "revealed", to: "scoring" },
    });
    return round;
  });
}

export async function withdrawDecision(db: Db, actorId: string, input: { teamId: string; decisionId: string; reason: string }, now = new Date()) {
  const access = await requireDecision(db, actorId, input.teamId, input.decisionId, "team.view", now);
  requireFacilitator(access);
  await db.transaction(async (tx) => {
    const current = await findDecision(tx, input.teamId, input.decisionId, "update");
    if (!current) throw new NotFoundError(DECISION_NOT_FOUND);
    if (!canTransition(current.status, "withdrawn")) {
      throw new ConflictError(`A ${STATUS_LABELS[current.status].toLowerCase()} decision cannot be withdrawn.`);
    }
    await tx
      .update(decisions)
      .set({ status: "withdrawn", updatedAt: now, version: current.version + 1 })
      .where(eq(decisions.id, current.id));
    await appendEvent(tx, {
      at: now,
      teamId: input.teamId,
      decisionId: current.id,
      actorId,
      type: "decision.phase_changed",
      payload: { from: current.status, to: "withdrawn", reason: input.reason || null },
    });
  });
}

/** Options and criteria of a decision in display order: two queries, whatever the size. */
export async function loadStructure(db: Executor, decisionId: string) {
  const [optionRows, criterionRows] = await Promise.all([
    db.select().from(options).where(eq(options.decisionId, decisionId)).orderBy(asc(options.position)),
    db.select().from(criteria).where(eq(criteria.decisionId, decisionId)).orderBy(asc(criteria.position)),
  ]);
  return { options: optionRows, criteria: criterionRows };
}

export async function facilitatorName(db: Executor, decision: Decision) {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, decision.facilitatorId));
  return row?.name ?? "Unknown";
}

export type DecisionListFilter = { status?: DecisionStatus; q?: string };

/** The team's decision log: one query, newest first. */
export async function listDecisions(db: Executor, teamId: string, filter: DecisionListFilter = {}) {
  const conditions = [eq(decisions.teamId, teamId)];
  if (filter.status) conditions.push(eq(decisions.status, filter.status));
  if (filter.q) conditions.push(ilike(decisions.title, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return db
    .select({
      id: decisions.id,
      title: decisions.title,
      status: decisions.status,
      weightingDeadline: decisions.weightingDeadline,
      scoringDeadline: decisions.scoringDeadline,
      createdAt: decisions.createdAt,
      decidedAt: decisions.decidedAt,
      supersededById: decisions.supersededById,
      deprecatedAt: decisions.deprecatedAt,
      anonymous: decisions.anonymous,
      facilitatorName: users.name,
      chosenOptionName: outcomes.chosenOptionName,
    })
    .from(decisions)
    .innerJoin(users, eq(users.id, decisions.facilitatorId))
    .leftJoin(outcomes, eq(outcomes.decisionId, decisions.id))
    .where(and(...conditions))
    .orderBy(desc(decisions.createdAt))
    .limit(200);
}
