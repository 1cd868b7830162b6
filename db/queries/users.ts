import "server-only";
import { eq } from "drizzle-orm";
import { ConflictError } from "../../lib/errors";
import type { Executor } from "../client";
import { users } from "../schema";
import { isUniqueViolation } from "./pg-errors";

export async function findUserByEmail(db: Executor, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return user ?? null;
}

export async function findUserById(db: Executor, id: string) {
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

/** `passwordHash` is already hashed (lib/services/accounts.ts hashes). */
export async function createUser(db: Executor, input: { name: string; email: string; passwordHash: string }) {
  const { passwordHash } = input;
  try {
    const [user] = await db
      .insert(users)
      .values({ name: input.name, email: input.email.toLowerCase(), passwordHash })
      .returning({ id: users.id, name: users.name, email: users.email });
    return user!;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError("An account with this email already exists.", {
        email: "An account with this email already exists. Sign in instead.",
      });
    }
    throw error;
  }
}

/** For OAuth sign-ins: the person is matched to an account by their verified email. */
export async function findOrCreateOAuthUser(db: Executor, profile: { email: string; name: string }) {
  const email = profile.email.toLowerCase();
  const [created] = await db
    .insert(users)
    .values({ email, name: profile.name || email, passwordHash: null })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (created) return created.id;
  const existing = await findUserByEmail(db, email);
  return existing!.id;
}

/** Null for an account that has only ever signed in through OAuth, or that does not exist. */
export async function findPasswordHash(db: Executor, userId: string): Promise<string | null> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.passwordHash ?? null;
}

// Nothing here changes a user's name: each server keeps revealed results with members' names in
// memory (lib/services/revealed-figures-cache.ts), so a rename would have to change that cache's key.

export async function setPasswordHash(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** Null follows the browser's zone. */
export async function setTimeZone(db: Executor, userId: string, timeZone: string | null): Promise<void> {
  await db.update(users).set({ timeZone }).where(eq(users.id, userId));
}
