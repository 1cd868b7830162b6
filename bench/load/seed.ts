/**
 * Seeds the load benchmark's database: a team of 200 members, one decision left in scoring whose
 * timeline carries about 1,300 events, and one revealed decision with everyone's ballots for the
 * results page. Decisions, phases, weights and scores go through the use cases (inTeam/inDecision
 * and the services), as the app writes them; only the 200 accounts and their memberships are
 * inserted directly, with one password hash shared by all, since hashing 200 passwords with argon2
 * would be most of the seeding time.
 */
import { and, count, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { grantAppRole } from "../../db/app-role";
import { FRAMEWORK_CATALOG } from "../../db/catalog";
import { type Db, type DbHandle, openDb } from "../../db/client";
import { loadStructure } from "../../db/queries/decisions";
import { runMigrations } from "../../db/migrate";
import { events, memberships, users } from "../../db/schema";
import { seedCatalog } from "../../db/seed";
import { hashPassword } from "../../lib/auth/password";
import type { DecisionStatus } from "../../lib/domain/phases";
import { type DecisionRef, inDecision, inTeam } from "../../lib/services/access";
import { saveScores, saveWeights } from "../../lib/services/ballots";
import { advancePhase, createDecision } from "../../lib/services/decisions";
import { createTeam } from "../../lib/services/teams";

export const MEMBERS = 200;
export const OPTIONS = 10;
export const CRITERIA = 10;
export const PASSWORD = "bench-password";
export const memberEmail = (i: number) => `member${i}@bench.test`;

export type Member = { id: string; name: string; email: string };
export type Seeded = {
  teamId: string;
  /** The decision left in scoring: its score sheet is what save-scores posts. */
  scoring: DecisionRef;
  /** A revealed decision with every member's ballot: the results page's subject. */
  revealed: DecisionRef;
  members: Member[];
  events: number;
};

/** A small deterministic generator, so every run seeds the same ballots. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function recreateDatabase(url: string) {
  const name = new URL(url).pathname.slice(1);
  const admin = postgres(url.replace(/\/[^/]*$/, "/postgres"), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** Runs `work` over `items` with at most `width` in flight: the seeding's transactions are independent per member. */
async function pool<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: width }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  });
  await Promise.all(lanes);
}

async function addMembers(db: Db, teamId: string, people: Member[]) {
  await db.insert(memberships).values(people.map((p) => ({ teamId, userId: p.id, role: "member" as const })));
  await db
    .insert(events)
    .values(people.map((p) => ({ teamId, actorId: p.id, type: "member.joined", payload: { userId: p.id, name: p.name, role: "member" } })));
}

async function newDecision(db: Db, owner: Member, teamId: string, title: string): Promise<DecisionRef> {
  const draft = {
    title,
    context: "Seeded by the load benchmark: every member of a 200-person team weighs and scores ten options on ten criteria.",
    frameworks: FRAMEWORK_CATALOG.slice(0, OPTIONS).map((f) => f.slug),
    customOptions: [],
    criteria: Array.from({ length: CRITERIA }, (_, i) => ({ name: `Criterion ${i + 1}`, description: `What criterion ${i + 1} asks of an option.` })),
    anonymous: false,
    weightingDeadline: null,
    scoringDeadline: null,
  };
  const decision = await inTeam(db, owner.id, teamId, "decision.create", (ctx) => createDecision(ctx, draft));
  return { teamId, decisionId: decision.id };
}

const advance = (db: Db, owner: Member, ref: DecisionRef, from: DecisionStatus) =>
  inDecision(db, owner.id, ref, "decision.run", (ctx) => advancePhase(ctx, { from }));

type Sheets = { weights: (member: number) => Record<string, number>; cells: (member: number) => { optionId: string; criterionId: string; score: number }[] };

async function sheetsFor(db: Db, decisionId: string, seed: number): Promise<Sheets> {
  const { options, criteria } = await loadStructure(db, decisionId);
  const random = generator(seed);
  const weights = Array.from({ length: MEMBERS }, () => Object.fromEntries(criteria.map((c) => [c.id, Math.floor(random() * 11)])));
  const cells = Array.from({ length: MEMBERS }, () =>
    options.flatMap((o) => criteria.map((c) => ({ optionId: o.id, criterionId: c.id, score: 1 + Math.floor(random() * 5) }))),
  );
  return { weights: (m) => weights[m]!, cells: (m) => cells[m]! };
}

const score = (db: Db, member: Member, ref: DecisionRef, cells: ReturnType<Sheets["cells"]>) =>
  inDecision(db, member.id, ref, "decision.vote", (ctx) => saveScores(ctx, { cells: cells.map((c) => ({ ...c, comment: "", evidence: null })) }), {
    lock: "share",
  });
const weigh = (db: Db, member: Member, ref: DecisionRef, weights: Record<string, number>) =>
  inDecision(db, member.id, ref, "decision.vote", (ctx) => saveWeights(ctx, { weights }), { lock: "share" });

/**
 * The scoring decision: everyone weighs and then changes their weights once; everyone scores and
 * then re-saves the sheet three or four times (as people do while they think it over). With the
 * decision's own creation and phase changes that is 3 + 400 + 900 = 1,303 events.
 */
async function seedScoringDecision(db: Db, owner: Member, teamId: string, people: Member[]) {
  const ref = await newDecision(db, owner, teamId, "Framework for the team-wide platform rewrite");
  const sheets = await sheetsFor(db, ref.decisionId, 7);
  await advance(db, owner, ref, "draft");
  await pool(people, 6, async (m, i) => {
    await weigh(db, m, ref, sheets.weights(i));
    await weigh(db, m, ref, sheets.weights((i + 1) % MEMBERS));
  });
  await advance(db, owner, ref, "weighting");
  await pool(people, 6, async (m, i) => {
    const saves = 4 + (i % 2);
    for (let s = 0; s < saves; s++) await score(db, m, ref, sheets.cells((i + s) % MEMBERS));
  });
  return ref;
}

async function seedRevealedDecision(db: Db, owner: Member, teamId: string, people: Member[]) {
  const ref = await newDecision(db, owner, teamId, "Framework for the reporting service");
  const sheets = await sheetsFor(db, ref.decisionId, 42);
  await advance(db, owner, ref, "draft");
  await pool(people, 6, (m, i) => weigh(db, m, ref, sheets.weights(i)).then(() => {}));
  await advance(db, owner, ref, "weighting");
  await pool(people, 6, (m, i) => score(db, m, ref, sheets.cells(i)).then(() => {}));
  await advance(db, owner, ref, "scoring");
  return ref;
}

export async function eventsOn(db: Db, decisionId: string) {
  const [row] = await db.select({ n: count() }).from(events).where(eq(events.decisionId, decisionId));
  return row!.n;
}

export async function scoresUpdatedOn(db: Db, decisionId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(events)
    .where(and(eq(events.decisionId, decisionId), eq(events.type, "scores.updated")));
  return row!.n;
}

/** Drops and recreates the database, migrates it, grants the app's role, and seeds. */
export async function seedLoadDatabase(url: string, appRole: string): Promise<{ handle: DbHandle; seeded: Seeded }> {
  await recreateDatabase(url);
  const handle = await openDb({ driver: "postgres", url, maxConnections: 8 });
  const { db } = handle;
  await runMigrations(handle);
  await seedCatalog(db);
  await grantAppRole(db, appRole);
  const passwordHash = await hashPassword(PASSWORD);
  const members = await db
    .insert(users)
    .values(Array.from({ length: MEMBERS }, (_, i) => ({ name: `Member ${String(i + 1).padStart(3, "0")}`, email: memberEmail(i + 1), passwordHash })))
    .returning({ id: users.id, name: users.name, email: users.email });
  const owner = members[0]!;
  const team = await createTeam(db, owner.id, { name: "Bench team" });
  await addMembers(db, team.id, members.slice(1));
  const scoring = await seedScoringDecision(db, owner, team.id, members);
  const revealed = await seedRevealedDecision(db, owner, team.id, members);
  // A database in use has its tables analyzed by autovacuum; one seeded a moment ago has no
  // statistics yet (and autovacuum may be off), so the planner would take every table for nearly
  // empty and plan for that. Measured here is the database as it would be in use.
  await db.execute(sql`analyze`);
  return { handle, seeded: { teamId: team.id, scoring, revealed, members, events: await eventsOn(db, scoring.decisionId) } };
}
