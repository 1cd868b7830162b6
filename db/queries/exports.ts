import "server-only";
import { and, asc, eq, inArray, lt, lte, sql } from "drizzle-orm";
import { buildDecisionJson, type ExportSource, valuesVisible } from "../../lib/exports/build";
import type { DecisionJson } from "../../lib/exports/decision-json";
import { buildRadar, type Radar, type RadarDecision } from "../../lib/exports/radar";
import type { Db } from "../client";
import { reviewBoard } from "./reviews";
import {
  ballots,
  criteria,
  type Decision,
  decisions,
  events,
  historyHeads,
  options,
  outcomeAmendments,
  outcomes,
  scores,
  teams,
  users,
  weights,
} from "../schema";

// Reads for the exports. Each export is a fixed handful of queries whatever the decision's size,
// and every query names the team, so a decision id from another team finds nothing.

/**
 * The decision as its JSON export document, which the MADR and CSV formatters also read.
 * `decision` is one the caller has authorised and read as pages show it (lib/entry/routes.ts).
 * While the decision is sealed, no weight, score or ballot is even read.
 */
export async function loadDecisionExport(db: Db, decision: Decision): Promise<DecisionJson> {
  const { id, teamId } = decision;
  const visible = valuesVisible(decision.status);
  const decided = decision.status === "decided";
  const ofDecision = eq(decisions.id, id);
  const inTeam = eq(decisions.teamId, teamId);

  // ADR numbers: each decision's place in the team's log by creation. Decisions are never deleted,
  // so a number never changes once given.
  const numbered = db
    .select({
      id: decisions.id,
      title: decisions.title,
      n: sql<number>`row_number() over (order by ${decisions.createdAt}, ${decisions.id})`.mapWith(Number).as("n"),
    })
    .from(decisions)
    .where(inTeam)
    .as("numbered");
  const wanted = decision.supersededById ? [id, decision.supersededById] : [id];

  const [optionRows, criterionRows, facilitatorRows, numberRows, outcomeRows, eventRows, ballotPeople, weightRows, scoreRows, headRows, amendmentRows, board] =
    await Promise.all([
      db
        .select({
          id: options.id,
          name: options.name,
          description: options.description,
          link: options.link,
          frameworkSlug: options.frameworkSlug,
          position: options.position,
        })
        .from(options)
        .innerJoin(decisions, eq(decisions.id, options.decisionId))
        .where(and(eq(options.decisionId, id), inTeam))
        .orderBy(asc(options.position), asc(options.id)),
      db
        .select({ id: criteria.id, name: criteria.name, description: criteria.description, position: criteria.position })
        .from(criteria)
        .innerJoin(decisions, eq(decisions.id, criteria.decisionId))
        .where(and(eq(criteria.decisionId, id), inTeam))
        .orderBy(asc(criteria.position), asc(criteria.id)),
      db
        .select({ id: users.id, name: users.name })
        .from(decisions)
        .innerJoin(users, eq(users.id, decisions.facilitatorId))
        .where(and(ofDecision, inTeam))
        .limit(1),
      db.select().from(numbered).where(inArray(numbered.id, wanted)),
      decided
        ? db
            .select({
              chosenOptionId: outcomes.chosenOptionId,
              chosenOptionName: outcomes.chosenOptionName,
              record: outcomes.record,
              snapshot: outcomes.snapshot,
              decidedAt: outcomes.decidedAt,
              decidedById: outcomes.decidedBy,
              decidedByName: users.name,
            })
            .from(outcomes)
            .innerJoin(decisions, eq(decisions.id, outcomes.decisionId))
            .leftJoin(users, eq(users.id, outcomes.decidedBy))
            .where(and(eq(outcomes.decisionId, id), inTeam))
            .limit(1)
        : Promise.resolve([]),
      db
        .select({ id: events.id, type: events.type, payload: events.payload, createdAt: events.createdAt, actorName: users.name, hash: events.hash })
        .from(events)
        .leftJoin(users, eq(users.id, events.actorId))
        .where(and(eq(events.teamId, teamId), eq(events.decisionId, id)))
        .orderBy(asc(events.id)),
      // Values, only once revealed. A decided decision's own values are in its snapshot: only the
      // score rows of rounds before the deciding one are read.
      visible && !decided
        ? db
            .selectDistinct({ id: users.id, name: users.name })
            .from(ballots)
            .innerJoin(users, eq(users.id, ballots.userId))
            .innerJoin(decisions, eq(decisions.id, ballots.decisionId))
            .where(and(eq(ballots.decisionId, id), inTeam))
        : Promise.resolve([]),
      visible && !decided
        ? db
            .select({ memberId: weights.userId, name: users.name, criterionId: weights.criterionId, weight: weights.weight })
            .from(weights)
            .innerJoin(users, eq(users.id, weights.userId))
            .innerJoin(decisions, eq(decisions.id, weights.decisionId))
            .where(and(eq(weights.decisionId, id), inTeam))
        : Promise.resolve([]),
      visible
        ? db
            .select({
              round: scores.round,
              memberId: scores.userId,
              name: users.name,
              optionId: scores.optionId,
              criterionId: scores.criterionId,
              score: scores.score,
              comment: scores.comment,
              evidenceUrl: scores.evidenceUrl,
            })
            .from(scores)
            .innerJoin(users, eq(users.id, scores.userId))
            .innerJoin(decisions, eq(decisions.id, scores.decisionId))
            .where(and(eq(scores.decisionId, id), inTeam, decided ? lt(scores.round, decision.currentRound) : lte(scores.round, decision.currentRound)))
        : Promise.resolve([]),
      db.select({ hash: historyHeads.hash, seq: historyHeads.seq }).from(historyHeads).where(eq(historyHeads.teamId, teamId)),
      decided
        ? db
            .select({ at: outcomeAmendments.createdAt, authorName: users.name, text: outcomeAmendments.text, reason: outcomeAmendments.reason })
            .from(outcomeAmendments)
            .leftJoin(users, eq(users.id, outcomeAmendments.authorId))
            .where(and(eq(outcomeAmendments.decisionId, id), eq(outcomeAmendments.teamId, teamId)))
            .orderBy(asc(outcomeAmendments.createdAt), asc(outcomeAmendments.id))
        : Promise.resolve([]),
      decided ? reviewBoard(db, teamId, id) : null,
    ]);

  const numberOf = new Map(numberRows.map((r) => [r.id, r]));
  const superseding = decision.supersededById ? numberOf.get(decision.supersededById) : undefined;
  const outcome = outcomeRows[0];
  const people = new Map<string, string>();
  for (const p of [
    ...ballotPeople,
    ...weightRows.map((w) => ({ id: w.memberId, name: w.name })),
    ...scoreRows.map((s) => ({ id: s.memberId, name: s.name })),
  ]) {
    if (!people.has(p.id)) people.set(p.id, p.name);
  }

  const source: ExportSource = {
    decision: {
      id,
      title: decision.title,
      context: decision.context,
      status: decision.status,
      anonymous: decision.anonymous,
      currentRound: decision.currentRound,
      createdAt: decision.createdAt,
      revealedAt: decision.revealedAt,
      decidedAt: decision.decidedAt,
      deprecatedAt: decision.deprecatedAt,
    },
    number: numberOf.get(id)?.n ?? 1,
    supersededBy: superseding ? { id: superseding.id, number: superseding.n, title: superseding.title } : null,
    facilitator: facilitatorRows[0] ?? { id: decision.facilitatorId, name: "Unknown" },
    options: optionRows,
    criteria: criterionRows,
    values: visible
      ? {
          people: [...people].map(([personId, name]) => ({ id: personId, name })),
          weights: weightRows.map(({ memberId, criterionId, weight }) => ({ memberId, criterionId, weight })),
          scores: scoreRows.map(({ name: _name, ...row }) => row),
        }
      : null,
    outcome: outcome
      ? {
          chosenOptionId: outcome.chosenOptionId,
          chosenOptionName: outcome.chosenOptionName,
          record: outcome.record,
          snapshot: outcome.snapshot,
          decidedAt: outcome.decidedAt,
          decidedBy: outcome.decidedByName ? { id: outcome.decidedById, name: outcome.decidedByName } : null,
          amendments: amendmentRows,
          reviewDueAt: decision.reviewDueAt,
          reviews: (board?.reviews ?? []).map((r) => ({ authorName: r.name, at: r.updatedAt, learned: r.learned, scores: r.scores })),
        }
      : null,
    events: eventRows.map((e) => ({ id: e.id, type: e.type, actorName: e.actorName, payload: e.payload, createdAt: e.createdAt, hash: e.hash })),
    chain: headRows[0] ? { head: headRows[0].hash, events: Number(headRows[0].seq) } : null,
  };
  return buildDecisionJson(source);
}

/** The team's decided decisions as a tech radar, for a member the caller has authorised. */
export async function loadTeamRadar(db: Db, teamId: string, newWithinDays?: number): Promise<{ teamName: string; radar: Radar }> {
  const [teamRows, rows] = await Promise.all([
    db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)).limit(1),
    // The whole log, oldest first, for the ADR numbers; only decided ones become radar entries.
    db
      .select({
        id: decisions.id,
        title: decisions.title,
        status: decisions.status,
        supersededById: decisions.supersededById,
        deprecatedAt: decisions.deprecatedAt,
        chosenOptionName: outcomes.chosenOptionName,
        record: outcomes.record,
        decidedAt: outcomes.decidedAt,
      })
      .from(decisions)
      .leftJoin(outcomes, eq(outcomes.decisionId, decisions.id))
      .where(eq(decisions.teamId, teamId))
      .orderBy(asc(decisions.createdAt), asc(decisions.id)),
  ]);
  const numberOf = new Map(rows.map((r, i) => [r.id, { number: i + 1, title: r.title }]));
  const decidedRows: RadarDecision[] = rows.flatMap((r) =>
    r.status === "decided" && r.chosenOptionName !== null && r.decidedAt !== null && r.record !== null
      ? [
          {
            id: r.id,
            number: numberOf.get(r.id)!.number,
            title: r.title,
            chosenOptionName: r.chosenOptionName,
            decision: r.record.decision,
            decidedAt: r.decidedAt,
            deprecatedAt: r.deprecatedAt,
            supersededBy: r.supersededById ? (numberOf.get(r.supersededById) ?? null) : null,
          },
        ]
      : [],
  );
  return { teamName: teamRows[0]?.name ?? "Team", radar: buildRadar(decidedRows, newWithinDays) };
}
