import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { registerUser } from "../../lib/services/accounts";
import { memberships } from "../../db/schema";
import type { Role } from "../../lib/auth/roles";
import { createTeam } from "./use-cases";

let counter = 0;

/** Unique across files running in parallel on the same PostgreSQL database. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${process.pid}-${counter}-${randomBytes(4).toString("hex")}`;
}

export function uniqueEmail(label = "user"): string {
  return `${label}-${uniqueSuffix()}@example.com`;
}

export const TEST_PASSWORD = "correct horse battery staple";

export type TestUser = { id: string; name: string; email: string };

/** Goes through the real sign-up query, argon2 included (~50 ms): create users once per file. */
export async function createUser(db: Db, overrides: { name?: string; email?: string; password?: string } = {}): Promise<TestUser> {
  const name = overrides.name ?? "Test User";
  return registerUser(db, {
    name,
    email: overrides.email ?? uniqueEmail(name.toLowerCase().replace(/\W+/g, "-")),
    password: overrides.password ?? TEST_PASSWORD,
  });
}

/** Several users at once; hashing runs on libuv's thread pool, so this is faster than one by one. */
export async function createUsers<const K extends string>(db: Db, names: readonly K[]): Promise<Record<K, TestUser>> {
  const users = await Promise.all(names.map((name) => createUser(db, { name })));
  return Object.fromEntries(names.map((name, i) => [name, users[i]!])) as Record<K, TestUser>;
}

type OneOrMany = TestUser | readonly TestUser[];
export type Roster = { owner: OneOrMany } & Partial<Record<Exclude<Role, "owner">, OneOrMany>>;

const asList = (value: OneOrMany | undefined): readonly TestUser[] => (value === undefined ? [] : Array.isArray(value) ? value : [value as TestUser]);

/**
 * A team whose first owner created it through the real query (so team.created is logged); everyone
 * else is added directly, because joining through invites is what invites.test.ts is for.
 */
export async function createTeamWith(db: Db, roster: Roster, name = `Team ${uniqueSuffix()}`) {
  const [creator, ...otherOwners] = asList(roster.owner);
  if (!creator) throw new Error("createTeamWith needs at least one owner");
  const team = await createTeam(db, creator.id, { name });
  const rows = [
    ...otherOwners.map((u) => ({ userId: u.id, role: "owner" as const })),
    ...asList(roster.admin).map((u) => ({ userId: u.id, role: "admin" as const })),
    ...asList(roster.member).map((u) => ({ userId: u.id, role: "member" as const })),
    ...asList(roster.viewer).map((u) => ({ userId: u.id, role: "viewer" as const })),
  ];
  if (rows.length > 0) await db.insert(memberships).values(rows.map((r) => ({ ...r, teamId: team.id })));
  return team;
}
