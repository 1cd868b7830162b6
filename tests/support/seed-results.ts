import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ballots, criteria, decisions, memberships, options, scores, users, weights } from "../../db/schema";
import { createDecisionFixture } from "./decision-factories";
import { uniqueEmail } from "./factories";
import type { RandomDecision } from "./random-decision";

// A random decision written straight into the tables, revealed, with every round's scores: the
// results page reads it as it would read one the members filled in, without a thousand sign-ups.

export type SeededResults = {
  teamId: string;
  decisionId: string;
  /** Random id → database id, for members, options and criteria alike. */
  idOf: Map<string, string>;
  memberIds: string[];
};

const CHUNK = 2000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let at = 0; at < rows.length; at += CHUNK) await insert(rows.slice(at, at + CHUNK));
}

export async function seedResults(
  db: Db,
  facilitator: { id: string },
  teamId: string,
  decision: RandomDecision,
  settings: { anonymous?: boolean } = {},
): Promise<SeededResults> {
  const fx = await createDecisionFixture(db, facilitator.id, teamId, { anonymous: settings.anonymous ?? false });
  const decisionId = fx.decisionId;
  const idOf = new Map<string, string>();
  const people = await db
    .insert(users)
    .values(decision.members.map((m) => ({ name: m.name, email: uniqueEmail("voter") })))
    .returning({ id: users.id });
  decision.members.forEach((m, i) => idOf.set(m.id, people[i]!.id));
  await db.insert(memberships).values(people.map((p) => ({ teamId, userId: p.id, role: "member" as const })));
  // The fixture's own options and criteria make way for the random decision's.
  await db.delete(options).where(eq(options.decisionId, decisionId));
  await db.delete(criteria).where(eq(criteria.decisionId, decisionId));
  const optionRows = await db
    .insert(options)
    .values(decision.options.map((o, position) => ({ decisionId, name: o.name, position })))
    .returning({ id: options.id });
  decision.options.forEach((o, i) => idOf.set(o.id, optionRows[i]!.id));
  const criterionRows = await db
    .insert(criteria)
    .values(decision.criteria.map((c, position) => ({ decisionId, name: c.name, position })))
    .returning({ id: criteria.id });
  decision.criteria.forEach((c, i) => idOf.set(c.id, criterionRows[i]!.id));

  const id = (randomId: string) => idOf.get(randomId)!;
  const known = (...ids: string[]) => ids.every((i) => idOf.has(i));
  await insertChunked(
    decision.weights.filter((w) => known(w.memberId, w.criterionId)),
    (chunk) => db.insert(weights).values(chunk.map((w) => ({ decisionId, userId: id(w.memberId), criterionId: id(w.criterionId), weight: w.weight }))),
  );
  for (const [index, round] of decision.rounds.entries()) {
    await insertChunked(
      round.filter((s) => known(s.memberId, s.optionId, s.criterionId)),
      (chunk) =>
        db.insert(scores).values(
          chunk.map((s) => ({
            decisionId,
            round: index + 1,
            userId: id(s.memberId),
            optionId: id(s.optionId),
            criterionId: id(s.criterionId),
            score: s.score,
            comment: s.score === 5 ? `Top marks ${s.optionId}` : null,
            evidenceUrl: s.score === 1 ? "https://example.com/evidence" : null,
          })),
        ),
    );
  }
  // Everyone listed took part: a ballot each, as a member who saved an empty sheet has.
  await db.insert(ballots).values(people.map((p) => ({ decisionId, userId: p.id, kind: "scores" as const, round: 1 })));
  await db.update(decisions).set({ status: "revealed", currentRound: decision.rounds.length, revealedAt: new Date() }).where(eq(decisions.id, decisionId));
  return { teamId, decisionId, idOf, memberIds: people.map((p) => p.id) };
}
