import type { Db } from "../../db/client";
import { DEFAULT_CRITERIA } from "../../db/catalog";
import { loadStructure } from "../../db/queries/decisions";
import type { DecisionStatus } from "../domain/phases";
import type { DecideInput, DecisionDraftInput } from "../validation/decision";
import { inDecision, inTeam } from "../services/access";
import { saveScores, saveWeights } from "../services/ballots";
import { advancePhase, createDecision } from "../services/decisions";
import { decide } from "../services/outcomes";

type Person = { id: string; email: string };

const DAY = 24 * 60 * 60 * 1000;
const at = (daysAgo: number, hour = 10) => {
  const d = new Date(Date.now() - daysAgo * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
};

// Weights per person in the order of DEFAULT_CRITERIA; scores per option name, same order.
type Ballot = { weights: number[]; scores: Record<string, number[]> };

async function vote(db: Db, teamId: string, decisionId: string, person: Person, ballot: Ballot, phase: "weights" | "scores", now: Date) {
  const { options, criteria } = await loadStructure(db, decisionId);
  if (phase === "weights") {
    const weights = Object.fromEntries(criteria.map((c, i) => [c.id, ballot.weights[i] ?? 5]));
    await inDecision(db, person.id, { teamId, decisionId }, "decision.vote", (ctx) => saveWeights(ctx, { weights }), { lock: "share", now });
    return;
  }
  const cells = options.flatMap((o) =>
    criteria.map((c, i) => ({ optionId: o.id, criterionId: c.id, score: ballot.scores[o.name]?.[i], comment: "", evidence: null })),
  );
  const scored = cells.filter((c) => c.score !== undefined);
  await inDecision(db, person.id, { teamId, decisionId }, "decision.vote", (ctx) => saveScores(ctx, { cells: scored }), { lock: "share", now });
}

const criteriaRows = DEFAULT_CRITERIA.map((c) => ({ ...c }));

// The demo is written through the same use cases and access checks as the app, backdated.
const create = (db: Db, person: Person, teamId: string, draft: DecisionDraftInput, now: Date) =>
  inTeam(db, person.id, teamId, "decision.create", (ctx) => createDecision(ctx, draft), now);
const advance = (db: Db, person: Person, ref: { teamId: string; decisionId: string }, from: DecisionStatus, now: Date) =>
  inDecision(db, person.id, ref, "decision.run", (ctx) => advancePhase(ctx, { from }), { now });
const record = (db: Db, person: Person, ref: { teamId: string; decisionId: string }, input: Omit<DecideInput, "teamId" | "decisionId">, now: Date) =>
  inDecision(db, person.id, ref, "decision.run", (ctx) => decide(ctx, input), { now });

/**
 * Two decisions that show the whole product at once: one decided with its record and history,
 * one in scoring that a newcomer can take part in. Written through the same code the app uses.
 */
export async function seedDemoDecisions(db: Db, teamId: string, [alice, bilal, chen]: [Person, Person, Person]) {
  const payments = await create(
    db,
    alice,
    teamId,
    {
      title: "Backend framework for the payments API",
      context:
        "The payments API moves out of the monolith into its own service. It needs strong typing, mature libraries for idempotency and auditing, and predictable behaviour under load.\n\nMost of the team writes TypeScript daily; two people have run Spring services in production.",
      frameworks: ["spring-boot", "nestjs", "django"],
      customOptions: [],
      criteria: criteriaRows,
      anonymous: false,
      weightingDeadline: null,
      scoringDeadline: null,
    },
    at(21),
  );
  await advance(db, alice, { teamId, decisionId: payments.id }, "draft", at(21, 11));
  const paymentBallots: [Person, Ballot][] = [
    [alice, { weights: [8, 9, 6, 5, 3], scores: { "Spring Boot": [4, 3, 5, 5, 4], NestJS: [4, 5, 4, 4, 4], Django: [3, 2, 4, 5, 4] } }],
    [bilal, { weights: [9, 6, 8, 4, 2], scores: { "Spring Boot": [5, 3, 5, 5, 5], NestJS: [4, 4, 4, 4, 4], Django: [3, 2, 3, 4, 4] } }],
    [chen, { weights: [7, 10, 5, 6, 4], scores: { "Spring Boot": [4, 2, 5, 4, 4], NestJS: [5, 5, 4, 4, 4], Django: [3, 3, 4, 4, 3] } }],
  ];
  for (const [i, [person, ballot]] of paymentBallots.entries()) await vote(db, teamId, payments.id, person, ballot, "weights", at(20, 9 + i));
  await advance(db, alice, { teamId, decisionId: payments.id }, "weighting", at(19));
  for (const [i, [person, ballot]] of paymentBallots.entries()) await vote(db, teamId, payments.id, person, ballot, "scores", at(18, 9 + i));
  await advance(db, alice, { teamId, decisionId: payments.id }, "scoring", at(16));
  const { options } = await loadStructure(db, payments.id);
  const nest = options.find((o) => o.name === "NestJS")!;
  await record(
    db,
    alice,
    { teamId, decisionId: payments.id },
    {
      chosenOptionId: nest.id,
      justification: "",
      context:
        "The payments API is leaving the monolith. It needs typed contracts, idempotent handlers and an audit trail, and the team that owns it writes TypeScript every day.",
      decision:
        "We will build the payments API on NestJS. It ranked first on the weighted tally and on both ranked cross-checks, mostly because the whole team can work on it from day one.",
      consequencesGood:
        "Everyone can review and ship payments code at once.\nShared types with the web client.\nDecorators and modules give the service a clear structure.",
      consequencesBad:
        "Less battle-tested for payments than Spring Boot.\nWe own more of the plumbing (retries, outbox) ourselves.\nNode's single thread needs care for CPU-heavy reconciliation jobs.",
    },
    at(15),
  );

  const realtime = await create(
    db,
    bilal,
    teamId,
    {
      title: "Framework for the real-time notifications service",
      context: "Notifications must reach tens of thousands of open connections within a second of an event, survive node restarts and stay cheap to run.",
      frameworks: ["phoenix", "nestjs", "koa"],
      customOptions: [{ name: "Go + Centrifugo", description: "A Go service in front of the Centrifugo real-time server.", link: "https://centrifugal.dev" }],
      criteria: criteriaRows,
      anonymous: false,
      weightingDeadline: null,
      scoringDeadline: null,
    },
    at(3),
  );
  await advance(db, bilal, { teamId, decisionId: realtime.id }, "draft", at(3, 11));
  const realtimeBallots: [Person, Ballot][] = [
    [
      alice,
      { weights: [9, 5, 10, 4, 3], scores: { Phoenix: [5, 2, 5, 4, 3], NestJS: [4, 5, 3, 5, 5], Koa: [3, 4, 3, 3, 3], "Go + Centrifugo": [4, 2, 5, 3, 3] } },
    ],
    [
      bilal,
      { weights: [8, 7, 9, 5, 2], scores: { Phoenix: [5, 1, 5, 4, 3], NestJS: [4, 5, 4, 5, 5], Koa: [2, 4, 3, 3, 2], "Go + Centrifugo": [4, 3, 5, 3, 3] } },
    ],
    [chen, { weights: [7, 9, 6, 6, 5], scores: {} }],
  ];
  for (const [i, [person, ballot]] of realtimeBallots.entries()) await vote(db, teamId, realtime.id, person, ballot, "weights", at(2, 9 + i));
  await advance(db, bilal, { teamId, decisionId: realtime.id }, "weighting", at(1));
  for (const [i, [person, ballot]] of realtimeBallots.slice(0, 2).entries()) await vote(db, teamId, realtime.id, person, ballot, "scores", at(1, 12 + i));
}
