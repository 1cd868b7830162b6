import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { E2E_DATABASE_URL } from "../../../playwright.config";

// A team far larger than any the other specs build, written straight into the e2e database in a
// few set-based statements: what the bounded pages must still answer in a small page.

let client: postgres.Sql | undefined;
function sql() {
  client ??= postgres(E2E_DATABASE_URL, { max: 2, onnotice: () => {} });
  return client;
}

export async function closeLargeTeamDb(): Promise<void> {
  await client?.end({ timeout: 5 });
  client = undefined;
}

export type LargeTeam = {
  teamId: string;
  /** A decision in scoring: every member a voter, most have submitted, a long history. */
  busyDecisionId: string;
  /** A decided decision the owner facilitates, with every other decided decision a supersede candidate. */
  decidedDecisionId: string;
};

/** A valid frozen record of a decision nobody voted on: enough for the pages that read it. */
function emptySnapshot(decisionId: string) {
  const none = { winners: [], ballots: 0 };
  return {
    snapshotVersion: 1,
    takenAt: new Date().toISOString(),
    decision: { id: decisionId, title: "Decided decision", context: "Which cache?", anonymous: false },
    options: [],
    criteria: [],
    inputs: { members: [], weights: [], scores: [] },
    tally: {
      groupWeights: {},
      weightsFallback: false,
      memberWeights: {},
      options: [],
      winners: [],
      tiedWinner: false,
      memberRankings: {},
      schulze: { ...none, ranking: [], pairwise: {}, strongestPaths: {} },
      borda: { ...none, points: {}, ranking: [] },
      crossCheck: { agrees: true, weightedWinners: [], schulzeWinners: [], bordaWinners: [], disagreements: [] },
      consensus: null,
    },
  };
}

export type LargeTeamSize = { members: number; decisions: number; events: number; invites: number };

export async function userIdByEmail(email: string): Promise<string> {
  const [row] = await sql()`select id from users where email = ${email.toLowerCase()}`;
  if (!row) throw new Error(`no user ${email}`);
  return row.id as string;
}

/** A team owned by `ownerId` with `size.members` more members, `size.decisions` decisions (half decided) and busy history. */
export async function seedLargeTeam(ownerId: string, size: LargeTeamSize): Promise<LargeTeam> {
  const db = sql();
  const teamId = randomUUID();
  const busyDecisionId = randomUUID();
  const decidedDecisionId = randomUUID();
  await db.begin(async (tx) => {
    await tx`insert into teams (id, name) values (${teamId}, ${`Large team ${teamId.slice(0, 8)}`})`;
    await tx`insert into memberships (team_id, user_id, role) values (${teamId}, ${ownerId}, 'owner')`;
    await tx`insert into users (id, name, email)
             select gen_random_uuid(), 'Member ' || lpad(n::text, 4, '0'), 'member-' || n || '-' || ${teamId} || '@large.test'
             from generate_series(1, ${size.members}) n`;
    await tx`insert into memberships (team_id, user_id, role)
             select ${teamId}, id, case when name like '%0' then 'viewer'::team_role else 'member'::team_role end
             from users where email like ${`%-${teamId}@large.test`}`;
    // Decisions oldest first; every other one decided, the rest spread over the open phases.
    await tx`insert into decisions (team_id, title, context, facilitator_id, status, created_at, revealed_at, decided_at)
             select ${teamId}, 'Logged decision ' || lpad(n::text, 4, '0'), 'Seeded', ${ownerId},
                    (array['decided','draft','decided','weighting','decided','scoring'])[1 + n % 6]::decision_status,
                    now() - (${size.decisions} - n) * interval '1 hour',
                    case when n % 2 = 0 then now() end, case when n % 2 = 0 then now() end
             from generate_series(1, ${size.decisions}) n`;
    await tx`insert into decisions (id, team_id, title, context, facilitator_id, status, created_at)
             values (${busyDecisionId}, ${teamId}, 'Busy decision', 'Which queue?', ${ownerId}, 'scoring', now())`;
    await tx`insert into decisions (id, team_id, title, context, facilitator_id, status, created_at, revealed_at, decided_at)
             values (${decidedDecisionId}, ${teamId}, 'Decided decision', 'Which cache?', ${ownerId}, 'decided', now() - interval '1 minute', now(), now())`;
    for (const decisionId of [busyDecisionId, decidedDecisionId]) {
      await tx`insert into options (decision_id, name, position) select ${decisionId}, 'Option ' || n, n from generate_series(0, 2) n`;
      await tx`insert into criteria (decision_id, name, position) select ${decisionId}, 'Criterion ' || n, n from generate_series(0, 2) n`;
    }
    const [chosen] = await tx`select id from options where decision_id = ${decidedDecisionId} order by position limit 1`;
    const record = { context: "Seeded", decision: "Option 0", consequencesGood: "Fast", consequencesBad: "New", justification: null };
    await tx`insert into outcomes (decision_id, chosen_option_id, chosen_option_name, record, snapshot, decided_by)
             values (${decidedDecisionId}, ${chosen!.id as string}, 'Option 0', ${tx.json(record)}, ${tx.json(emptySnapshot(decidedDecisionId))}, ${ownerId})`;
    // Four in five voters have weighted, three in five have scored.
    await tx`insert into ballots (decision_id, user_id, kind, round)
             select ${busyDecisionId}, m.user_id, k.kind::ballot_kind, 1
             from (select user_id, row_number() over (order by user_id) r from memberships where team_id = ${teamId} and role <> 'viewer') m
             cross join (values ('weights', 4), ('scores', 3)) k(kind, share)
             where m.r % 5 < k.share`;
    // Numbered history ("commented on Option n"), so a test can tell which events a page shows. Comments
    // that mention nobody: a history of phase changes would have the worker tell every member of each.
    await tx`insert into events (team_id, decision_id, actor_id, type, payload, created_at)
             select ${teamId}, ${busyDecisionId}, m.user_id, 'comment.added', jsonb_build_object('optionName', 'Option ' || n, 'mentioned', '[]'::jsonb),
                    now() - (${size.events} - n) * interval '1 second'
             from generate_series(1, ${size.events}) n
             join (select user_id, row_number() over (order by user_id) r from memberships where team_id = ${teamId}) m on m.r = 1 + n % ${size.members}`;
    await tx`insert into events (team_id, actor_id, type, payload)
             select ${teamId}, user_id, 'member.joined', jsonb_build_object('name', 'Someone', 'role', 'member')
             from memberships where team_id = ${teamId}`;
    await tx`insert into invites (team_id, token_hash, role, created_by, expires_at)
             select ${teamId}, md5(${teamId} || n) || md5(n || ${teamId}), 'member', ${ownerId}, now() + interval '7 days'
             from generate_series(1, ${size.invites}) n`;
  });
  return { teamId, busyDecisionId, decidedDecisionId };
}
