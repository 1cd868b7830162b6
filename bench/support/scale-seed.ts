/**
 * Seeds a team of 1,000 members with large decisions, in SQL with generate_series, so a fresh seed
 * takes seconds rather than minutes. Deterministic: every score comes from a hash of its position,
 * so two seeds give the same figures. Kept after the run, so anyone can re-measure by hand.
 */
import postgres from "postgres";
import { openDb } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { decide } from "../../lib/services/outcomes";
import { inDecision } from "../../lib/services/access";
import { LIMITS } from "../../lib/validation/decision";

export type ScaleShape = { members: number; options: number; criteria: number };

export type ScaleSeed = {
  teamId: string;
  /** Revealed, one round. */
  revealedId: string;
  /** Revealed after a second round: round 1's scores are shown beside round 2's. */
  twoRoundsId: string;
  /** Decided: the page shows the frozen snapshot. */
  decidedId: string;
  /** Revealed, with as many options and criteria as a decision may have (12 × 12). */
  atLimitsId: string;
  /** A plain member (not the facilitator) and a live session of theirs. */
  member: { id: string; name: string; email: string; sessionId: string };
};

const TEAM_NAME = "Scale team";

async function recreateDatabase(url: string) {
  const name = new URL(url).pathname.slice(1);
  const admin = postgres(url.replace(/\/[^/]*$/, "/postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
}

/** One decision with every member's weights and a full score sheet per round; scores lean by option so there is a ranking to find. */
async function seedDecision(sql: postgres.Sql, teamId: string, facilitatorId: string, title: string, shape: ScaleShape, rounds: number) {
  const [decision] = await sql<{ id: string }[]>`
    insert into decisions (team_id, title, context, facilitator_id, status, current_round, revealed_at)
    values (${teamId}, ${title}, 'Seeded for the scale benchmark.', ${facilitatorId}, 'revealed', ${rounds}, now()) returning id`;
  const id = decision!.id;
  await sql`insert into options (decision_id, name, description, position)
    select ${id}, 'Option ' || lpad(p::text, 2, '0'), '', p - 1 from generate_series(1, ${shape.options}) p`;
  await sql`insert into criteria (decision_id, name, description, position)
    select ${id}, 'Criterion ' || lpad(p::text, 2, '0'), '', p - 1 from generate_series(1, ${shape.criteria}) p`;
  await sql`
    insert into weights (decision_id, criterion_id, user_id, weight)
    select ${id}, c.id, m.user_id, abs(hashtext(m.user_id::text || c.id::text)) % 11
    from memberships m cross join criteria c where m.team_id = ${teamId} and c.decision_id = ${id}`;
  for (let round = 1; round <= rounds; round++) {
    // 1..5, nudged up for earlier options so the ranking is not a coin toss; one cell in 50 has a comment.
    await sql`
      insert into scores (decision_id, round, option_id, criterion_id, user_id, score, comment)
      select ${id}, ${round}, o.id, c.id, m.user_id,
             least(5, 1 + (abs(hashtext(m.user_id::text || o.id::text || c.id::text || ${round})) % 5)
                      + case when abs(hashtext(o.id::text || m.user_id::text || ${round})) % ${shape.options + round} > o.position then 1 else 0 end),
             case when abs(hashtext(c.id::text || m.user_id::text || o.id::text)) % 50 = 0 then 'Seeded comment on this cell' end
      from memberships m cross join options o join criteria c on c.decision_id = o.decision_id
      where m.team_id = ${teamId} and o.decision_id = ${id}`;
    await sql`insert into ballots (decision_id, user_id, kind, round)
      select ${id}, user_id, 'scores', ${round} from memberships where team_id = ${teamId}`;
  }
  await sql`insert into ballots (decision_id, user_id, kind, round) select ${id}, user_id, 'weights', 1 from memberships where team_id = ${teamId}`;
  return id;
}

/** The existing seed, when the database holds one of this shape. */
async function findSeed(sql: postgres.Sql, shape: ScaleShape): Promise<ScaleSeed | null> {
  const found = await sql<{ id: string }[]>`select id from teams where name = ${TEAM_NAME}`.catch(() => []);
  const teamId = found[0]?.id;
  if (!teamId) return null;
  const rows = await sql<{ id: string; title: string; scores: number }[]>`
    select d.id, d.title, (select count(*)::int from scores s where s.decision_id = d.id and s.round = d.current_round) as scores
    from decisions d where d.team_id = ${teamId}`;
  const byTitle = new Map(rows.map((r) => [r.title, r]));
  const expected = shape.members * shape.options * shape.criteria;
  const [revealed, twoRounds, decided, atLimits] = ["Revealed", "Two rounds", "Decided", "At the limits"].map((t) => byTitle.get(t));
  if (!revealed || !twoRounds || !decided || !atLimits || revealed.scores !== expected) return null;
  const [member] = await sql<{ id: string; name: string; email: string; session_id: string }[]>`
    select u.id, u.name, u.email, s.id as session_id from users u join sessions s on s.user_id = u.id where u.email = 'member2@scale.test' limit 1`;
  if (!member) return null;
  return {
    teamId,
    revealedId: revealed.id,
    twoRoundsId: twoRounds.id,
    decidedId: decided.id,
    atLimitsId: atLimits.id,
    member: { id: member.id, name: member.name, email: member.email, sessionId: member.session_id },
  };
}

export async function scaleSeed(url: string, shape: ScaleShape, options: { reseed?: boolean } = {}): Promise<ScaleSeed> {
  if (!options.reseed) {
    const probe = postgres(url, { max: 1, onnotice: () => {} });
    const existing = await findSeed(probe, shape).finally(() => probe.end());
    if (existing) return existing;
  }
  await recreateDatabase(url);
  const handle = await openDb({ driver: "postgres", url });
  await runMigrations(handle);
  await handle.close();

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`insert into users (name, email) select 'Member ' || lpad(i::text, 4, '0'), 'member' || i || '@scale.test' from generate_series(1, ${shape.members}) i`;
    const [team] = await sql<{ id: string }[]>`insert into teams (name) values (${TEAM_NAME}) returning id`;
    const teamId = team!.id;
    await sql`insert into memberships (team_id, user_id, role)
      select ${teamId}, id, case when email = 'member1@scale.test' then 'owner'::team_role else 'member'::team_role end from users`;
    const [owner] = await sql<{ id: string }[]>`select id from users where email = 'member1@scale.test'`;
    await seedDecision(sql, teamId, owner!.id, "Revealed", shape, 1);
    await seedDecision(sql, teamId, owner!.id, "Two rounds", shape, 2);
    const decidedId = await seedDecision(sql, teamId, owner!.id, "Decided", shape, 1);
    await seedDecision(sql, teamId, owner!.id, "At the limits", { ...shape, options: LIMITS.options, criteria: LIMITS.criteria }, 1);
    await sql`insert into sessions (user_id, created_at, last_seen_at, user_agent) select id, now(), now(), 'bench' from users where email = 'member2@scale.test'`;
    await sql`analyze`;

    // The outcome is recorded through the app's own use case, so the snapshot is the real one.
    const app = await openDb({ driver: "postgres", url });
    try {
      const started = performance.now();
      const firstOption = await sql<{ id: string }[]>`select id from options where decision_id = ${decidedId} order by position limit 1`;
      await inDecision(app.db, owner!.id, { teamId, decisionId: decidedId }, "decision.run", (ctx) =>
        decide(ctx, {
          chosenOptionId: firstOption[0]!.id,
          justification: "Seeded",
          context: "Seeded for the scale benchmark.",
          decision: "Option 01.",
          consequencesGood: "",
          consequencesBad: "",
        }),
      );
      console.log(`recorded the decided decision's outcome in ${(performance.now() - started).toFixed(0)} ms`);
    } finally {
      await app.close();
    }
  } finally {
    await sql.end();
  }
  const probe = postgres(url, { max: 1, onnotice: () => {} });
  const seeded = await findSeed(probe, shape).finally(() => probe.end());
  if (!seeded) throw new Error("the seed did not take");
  return seeded;
}
