import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { ballots, decisions, events, invites, memberships, users } from "../../db/schema";
import type { DecisionStatus } from "../../lib/domain/phases";
import { type DecisionFixture, decisionIn } from "./decision-factories";
import { createTeamWith, type TestUser, uniqueSuffix } from "./factories";
import { supersede } from "./use-cases";

// A team of a given size, for holding pages to a fixed number of queries: the same shape at every
// size, so only the number of rows differs. Bulk rows go straight in; the two decisions the pages
// open are built through the use cases.

export type TeamSize = { members: number; events: number; decisions: number; invites: number };

export type TeamOfSize = {
  teamId: string;
  owner: TestUser;
  /** Everyone but the owner, in insertion order; every fifth is a viewer. */
  others: { id: string; name: string }[];
  /** In scoring, facilitated by the owner; voters have weighted and scored in part; `size.events` more history events. */
  busy: DecisionFixture;
  /** Decided, facilitated by the owner; it supersedes one of the bulk decided decisions. */
  decided: DecisionFixture;
  /** The bulk decision that `decided` supersedes. */
  superseded: string;
};

// Decided most often, so a large team has more possible successors than the decision page lists.
const BULK_STATUSES: DecisionStatus[] = ["decided", "draft", "decided", "weighting", "decided", "scoring", "revealed", "withdrawn"];
const HOUR = 3_600_000;

/** Inserts in slices, keeping each statement well under PostgreSQL's 65,535 parameters. */
async function insertAll<T>(rows: T[], insert: (slice: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

export async function seedTeamOfSize(db: Db, owner: TestUser, size: TeamSize, now = new Date()): Promise<TeamOfSize> {
  const teamId = (await createTeamWith(db, { owner })).id;
  const suffix = uniqueSuffix();
  const people = Array.from({ length: size.members - 1 }, (_, i) => ({
    name: `Voter ${String(i).padStart(4, "0")}`,
    email: `voter-${i}-${suffix}@example.com`,
  }));
  const others = people.length > 0 ? await db.insert(users).values(people).returning({ id: users.id, name: users.name }) : [];
  const role = (i: number) => (i % 5 === 4 ? ("viewer" as const) : ("member" as const));
  await insertAll(
    others.map((u, i) => ({ teamId, userId: u.id, role: role(i) })),
    (slice) => db.insert(memberships).values(slice),
  );
  await insertAll(
    others.map((u) => ({ teamId, actorId: u.id, type: "member.joined", payload: { name: u.name, role: "member" } })),
    (slice) => db.insert(events).values(slice),
  );

  // Bulk decisions, oldest first, an hour apart; in weighting and scoring, some deadlines have passed unrecorded.
  const bulk = Array.from({ length: size.decisions - 2 }, (_, i) => {
    const status = BULK_STATUSES[i % BULK_STATUSES.length]!;
    const cycle = Math.floor(i / BULK_STATUSES.length);
    const createdAt = new Date(now.getTime() - (size.decisions - i + 2) * HOUR);
    const [passed, later] = [new Date(now.getTime() - HOUR), new Date(now.getTime() + HOUR)];
    return {
      teamId,
      title: `Logged ${i % 3 === 0 ? "queue" : "cache"} choice ${String(i).padStart(4, "0")}`,
      facilitatorId: owner.id,
      status,
      createdAt,
      weightingDeadline: status === "weighting" ? (cycle % 2 === 0 ? passed : later) : null,
      scoringDeadline: status === "weighting" ? (cycle % 4 === 0 ? passed : later) : status === "scoring" ? (cycle % 2 === 1 ? passed : later) : null,
      revealedAt: status === "revealed" || status === "decided" ? createdAt : null,
      decidedAt: status === "decided" ? createdAt : null,
    };
  });
  const bulkIds: { id: string; status: DecisionStatus }[] = [];
  await insertAll(bulk, async (slice) => bulkIds.push(...(await db.insert(decisions).values(slice).returning({ id: decisions.id, status: decisions.status }))));

  const busy = await decisionIn(db, "scoring", owner.id, teamId, { title: "Busy decision" });
  const decided = await decisionIn(db, "decided", owner.id, teamId, { title: "Decided decision" });
  const superseded = bulkIds.find((d) => d.status === "decided")!.id;
  await supersede(db, owner.id, { teamId, decisionId: superseded, supersededById: decided.decisionId });

  const voters = others.filter((_, i) => role(i) === "member");
  await insertAll(
    voters.flatMap((u, i) => [
      ...(i % 5 < 4 ? [{ decisionId: busy.decisionId, userId: u.id, kind: "weights" as const, round: 1 }] : []),
      ...(i % 5 < 3 ? [{ decisionId: busy.decisionId, userId: u.id, kind: "scores" as const, round: 1 }] : []),
    ]),
    (slice) => db.insert(ballots).values(slice),
  );
  const actors = [owner.id, ...others.map((u) => u.id)];
  await insertAll(
    Array.from({ length: size.events }, (_, i) => ({
      teamId,
      decisionId: busy.decisionId,
      actorId: actors[i % actors.length]!,
      type: i % 2 === 0 ? "scores.updated" : "weights.updated",
    })),
    (slice) => db.insert(events).values(slice),
  );
  await insertAll(
    Array.from({ length: size.invites }, () => ({
      teamId,
      tokenHash: randomBytes(32).toString("hex"),
      role: "member" as const,
      createdBy: owner.id,
      expiresAt: new Date(now.getTime() + 24 * HOUR),
    })),
    (slice) => db.insert(invites).values(slice),
  );
  return { teamId, owner, others, busy, decided, superseded };
}
