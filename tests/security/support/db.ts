import { createHash, randomBytes, randomUUID } from "node:crypto";
import postgres from "postgres";
import { E2E_DATABASE_URL } from "../../../playwright.config";
import type { Role } from "../../../lib/auth/roles";

// Direct access to the e2e database: to arrange what an attack needs (teams, roles, decisions in a
// given phase) and to see afterwards whether anything was written. The attacks themselves go over HTTP.

let client: postgres.Sql | undefined;
export function sql(): postgres.Sql {
  client ??= postgres(E2E_DATABASE_URL, { max: 3, onnotice: () => {} });
  return client;
}

export async function closeDb(): Promise<void> {
  await client?.end({ timeout: 5 });
  client = undefined;
}

export async function userIdOf(email: string): Promise<string> {
  const [row] = await sql()`select id from users where email = ${email.toLowerCase()}`;
  if (!row) throw new Error(`no user ${email}`);
  return row.id as string;
}

/** A person with no password, for rosters: someone to remove, demote or leave behind. */
export async function insertUser(label: string): Promise<string> {
  const id = randomUUID();
  await sql()`insert into users (id, name, email) values (${id}, ${`${label} Extra`}, ${`${label.toLowerCase()}-${id}@example.test`})`;
  return id;
}

export async function insertTeam(name: string, roster: readonly [string, Role][]): Promise<string> {
  const id = randomUUID();
  await sql()`insert into teams (id, name) values (${id}, ${name})`;
  for (const [userId, role] of roster) await addMember(id, userId, role);
  return id;
}

export async function addMember(teamId: string, userId: string, role: Role): Promise<void> {
  await sql()`insert into memberships (team_id, user_id, role) values (${teamId}, ${userId}, ${role})
              on conflict (team_id, user_id) do update set role = excluded.role`;
}

export async function dropMember(teamId: string, userId: string): Promise<void> {
  await sql()`delete from memberships where team_id = ${teamId} and user_id = ${userId}`;
}

export async function roleIn(teamId: string, userId: string): Promise<Role | null> {
  const [row] = await sql()`select role from memberships where team_id = ${teamId} and user_id = ${userId}`;
  return (row?.role as Role | undefined) ?? null;
}

export type DecisionRow = { id: string; teamId: string; title: string; options: string[]; criteria: string[] };
export type Phase = "draft" | "weighting" | "scoring" | "revealed" | "decided";

/** A decision in `status`, with two options and two criteria, as the phase rules would have left it. */
export async function insertDecision(teamId: string, facilitatorId: string, status: Phase, title = `Decision ${randomUUID()}`): Promise<DecisionRow> {
  const id = randomUUID();
  const revealed = status === "revealed" || status === "decided";
  await sql()`insert into decisions (id, team_id, title, context, facilitator_id, status, revealed_at, decided_at)
              values (${id}, ${teamId}, ${title}, 'Which one?', ${facilitatorId}, ${status},
                      ${revealed ? new Date() : null}, ${status === "decided" ? new Date() : null})`;
  const options = [randomUUID(), randomUUID()];
  const criteria = [randomUUID(), randomUUID()];
  await sql()`insert into options (id, decision_id, name, position) values (${options[0]!}, ${id}, 'Alpha', 0), (${options[1]!}, ${id}, 'Beta', 1)`;
  await sql()`insert into criteria (id, decision_id, name, position) values (${criteria[0]!}, ${id}, 'Speed', 0), (${criteria[1]!}, ${id}, 'Cost', 1)`;
  return { id, teamId, title, options, criteria };
}

export async function decisionState(id: string) {
  const [row] = await sql()`select title, status, current_round, superseded_by_id, deprecated_at from decisions where id = ${id}`;
  return row as { title: string; status: string; current_round: number; superseded_by_id: string | null; deprecated_at: Date | null } | undefined;
}

export async function hasOutcome(decisionId: string): Promise<boolean> {
  const rows = await sql()`select 1 from outcomes where decision_id = ${decisionId}`;
  return rows.length > 0;
}

export async function countEvents(decisionId: string, type: string): Promise<number> {
  const [row] = await sql()`select count(*)::int as n from events where decision_id = ${decisionId} and type = ${type}`;
  return row!.n as number;
}

export async function insertComment(decision: DecisionRow, authorId: string, body: string): Promise<string> {
  const id = randomUUID();
  await sql()`insert into comments (id, team_id, decision_id, author_id, body) values (${id}, ${decision.teamId}, ${decision.id}, ${authorId}, ${body})`;
  return id;
}

export async function commentRow(id: string) {
  const [row] = await sql()`select body, removed_at from comments where id = ${id}`;
  return row as { body: string; removed_at: Date | null } | undefined;
}

export async function countWeights(decisionId: string, userId: string): Promise<number> {
  const [row] = await sql()`select count(*)::int as n from weights where decision_id = ${decisionId} and user_id = ${userId}`;
  return row!.n as number;
}

export async function countScores(decisionId: string, userId: string): Promise<number> {
  const [row] = await sql()`select count(*)::int as n from scores where decision_id = ${decisionId} and user_id = ${userId}`;
  return row!.n as number;
}

export async function decisionTitled(teamId: string, title: string): Promise<boolean> {
  const rows = await sql()`select 1 from decisions where team_id = ${teamId} and title = ${title}`;
  return rows.length > 0;
}

export async function teamsNamed(name: string): Promise<{ id: string; owner: string | null }[]> {
  const rows = await sql()`select t.id, m.user_id from teams t left join memberships m on m.team_id = t.id and m.role = 'owner' where t.name = ${name}`;
  return rows.map((r) => ({ id: r.id as string, owner: (r.user_id as string | null) ?? null }));
}

export async function invitesBy(teamId: string, userId: string): Promise<number> {
  const [row] = await sql()`select count(*)::int as n from invites where team_id = ${teamId} and created_by = ${userId}`;
  return row!.n as number;
}

/** An invite link, stored as links made before tokens were kept (hash only); returns the token for the link. */
export async function insertInvite(teamId: string, createdBy: string, role: Role = "viewer"): Promise<{ id: string; token: string; hash: string }> {
  const token = randomBytes(32).toString("base64url");
  const id = randomUUID();
  const hash = createHash("sha256").update(token).digest("hex");
  await sql()`insert into invites (id, team_id, token_hash, role, created_by, expires_at)
              values (${id}, ${teamId}, ${hash}, ${role}, ${createdBy}, now() + interval '7 days')`;
  return { id, token, hash };
}

export async function inviteTokenHash(id: string): Promise<string | null> {
  const [row] = await sql()`select token_hash from invites where id = ${id}`;
  return (row?.token_hash as string | undefined) ?? null;
}

export async function inviteRevoked(id: string): Promise<boolean> {
  const [row] = await sql()`select revoked_at from invites where id = ${id}`;
  return Boolean(row?.revoked_at);
}

/** A member's whole sheet, written as saving it would (weights, scores with a comment and link, ballot rows). */
export async function saveBallot(decision: DecisionRow, userId: string, values: { weights: number[]; scores: number[][]; comment: string; evidence: string }) {
  for (const [i, criterionId] of decision.criteria.entries()) {
    await sql()`insert into weights (decision_id, criterion_id, user_id, weight) values (${decision.id}, ${criterionId}, ${userId}, ${values.weights[i]!})`;
  }
  for (const [o, optionId] of decision.options.entries()) {
    for (const [c, criterionId] of decision.criteria.entries()) {
      await sql()`insert into scores (decision_id, round, option_id, criterion_id, user_id, score, comment, evidence_url)
                  values (${decision.id}, 1, ${optionId}, ${criterionId}, ${userId}, ${values.scores[o]![c]!}, ${values.comment}, ${values.evidence})`;
    }
  }
  for (const kind of ["weights", "scores"]) {
    await sql()`insert into ballots (decision_id, user_id, kind, round) values (${decision.id}, ${userId}, ${kind}, 1)`;
  }
}

/** The record of a decided decision, as deciding leaves it (the snapshot's details are not read here). */
export async function recordOutcome(decision: DecisionRow, decidedBy: string): Promise<void> {
  const record = { context: "Matrix", decision: "Matrix", consequencesGood: "Matrix", consequencesBad: "Matrix", justification: null };
  await sql()`insert into outcomes (decision_id, chosen_option_id, chosen_option_name, record, snapshot, decided_by)
              values (${decision.id}, ${decision.options[0]!}, 'Alpha', ${sql().json(record)}, ${sql().json({})}, ${decidedBy})`;
}

export async function teamsOwnedBy(userId: string): Promise<number> {
  const [row] = await sql()`select count(*)::int as n from memberships where user_id = ${userId} and role = 'owner'`;
  return row!.n as number;
}

/**
 * Forgets every sign-in limit (per email, and any per-address table the app keeps), so a test that
 * set off the throttle from this host does not lock out the tests after it.
 */
export async function clearSignInLimits(): Promise<void> {
  const tables =
    await sql()`select tablename from pg_tables where schemaname = 'public' and (tablename like '%throttle%' or tablename like '%sign_in%' or tablename like '%attempt%')`;
  for (const { tablename } of tables) await sql()`delete from ${sql()(tablename as string)}`;
}

export async function reveal(decisionId: string): Promise<void> {
  await sql()`update decisions set status = 'revealed', revealed_at = now(), version = version + 1 where id = ${decisionId}`;
}

/** Brings a decided decision's review date into the past, as time passing would. */
export async function makeReviewDue(decisionId: string): Promise<void> {
  await sql()`update decisions set review_due_at = now() - interval '1 minute' where id = ${decisionId}`;
}

export async function reviewDueAt(decisionId: string): Promise<Date | null> {
  const [row] = await sql()`select review_due_at from decisions where id = ${decisionId}`;
  return (row?.review_due_at as Date | null) ?? null;
}

export async function hasReview(decisionId: string, userId: string): Promise<boolean> {
  const rows = await sql()`select 1 from decision_reviews where decision_id = ${decisionId} and user_id = ${userId}`;
  return rows.length > 0;
}

/** Where the webhooks this suite arranges point; a create call posts its own address, so it can be told apart. */
const FIXTURE_WEBHOOK_URL = "http://127.0.0.1:3349/matrix-fixture";

export async function webhooksAt(url: string): Promise<number> {
  const [row] = await sql()`select count(*)::int as n from webhooks where url = ${url}`;
  return row!.n as number;
}

/** A webhook row as the app would keep it; its sealed secret is never opened by these tests. */
export async function insertWebhook(teamId: string, createdBy: string): Promise<string> {
  const id = randomUUID();
  await sql()`insert into webhooks (id, team_id, url, format, event_types, secret_sealed, created_by)
              values (${id}, ${teamId}, ${FIXTURE_WEBHOOK_URL}, 'json', ${["decision.created"]}, 'v1.not.a.seal', ${createdBy})`;
  return id;
}

export async function webhookState(id: string): Promise<{ enabled: boolean } | null> {
  const [row] = await sql()`select enabled from webhooks where id = ${id}`;
  return row ? { enabled: row.enabled as boolean } : null;
}

export async function deliveriesOf(webhookId: string): Promise<number> {
  const [row] = await sql()`select count(*)::int as n from webhook_deliveries where webhook_id = ${webhookId}`;
  return row!.n as number;
}

/** Clears the webhooks other rows arranged in a team, so the ten-per-team limit never stands in for a permission. */
export async function clearFixtureWebhooks(teamId: string): Promise<void> {
  await sql()`delete from webhooks where team_id = ${teamId} and url = ${FIXTURE_WEBHOOK_URL}`;
}
