import { createHash } from "node:crypto";
import postgres from "postgres";
import { E2E_DATABASE_URL } from "../../../playwright.config";

// Direct database access for what a browser cannot do on its own, such as letting time pass.
let client: postgres.Sql | undefined;
function sql() {
  client ??= postgres(E2E_DATABASE_URL, { max: 2, onnotice: () => {} });
  return client;
}

export async function expireInvite(inviteUrl: string): Promise<void> {
  const token = new URL(inviteUrl).pathname.split("/").pop()!;
  const hash = createHash("sha256").update(token).digest("hex");
  const rows = await sql()`update invites set expires_at = now() - interval '1 minute' where token_hash = ${hash} returning id`;
  if (rows.length !== 1) throw new Error(`no invite found for ${inviteUrl}`);
}

/** Makes the invite look like one made before tokens were kept: only its hash is left. */
export async function forgetInviteToken(inviteUrl: string): Promise<void> {
  const token = new URL(inviteUrl).pathname.split("/").pop()!;
  const hash = createHash("sha256").update(token).digest("hex");
  const rows = await sql()`update invites set token_ciphertext = null where token_hash = ${hash} returning id`;
  if (rows.length !== 1) throw new Error(`no invite found for ${inviteUrl}`);
}

/** Lets the weighting deadline of the decision at `decisionUrl` pass, without anyone writing to the decision. */
export async function passWeightingDeadline(decisionUrl: string): Promise<void> {
  const id = new URL(decisionUrl).pathname.split("/")[4]!;
  const rows = await sql()`update decisions set weighting_deadline = now() - interval '1 minute' where id = ${id} returning id`;
  if (rows.length !== 1) throw new Error(`no decision found for ${decisionUrl}`);
}

/** Makes the person with `email` a member of the team named `teamName` (the demo team, say) with `role`, as an accepted invite would. */
export async function joinTeamAs(email: string, teamName: string, role: "member" | "viewer"): Promise<void> {
  const rows = await sql()`
    insert into memberships (team_id, user_id, role)
    select t.id, u.id, ${role} from teams t, users u where t.name = ${teamName} and u.email = ${email.toLowerCase()}
    returning team_id`;
  if (rows.length !== 1) throw new Error(`could not add ${email} to ${teamName}`);
}

export async function closeDb(): Promise<void> {
  await client?.end({ timeout: 5 });
  client = undefined;
}

/** Lets the review date of the decision at `decisionUrl` pass, as six months would. */
export async function makeReviewDue(decisionUrl: string): Promise<void> {
  const id = new URL(decisionUrl).pathname.split("/")[4]!;
  const rows = await sql()`update decisions set review_due_at = now() - interval '1 minute' where id = ${id} returning id`;
  if (rows.length !== 1) throw new Error(`no decision found for ${decisionUrl}`);
}
