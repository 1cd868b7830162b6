import "server-only";
import type { Executor } from "../../db/client";
import { createUser, setPasswordHash } from "../../db/queries/users";
import { hashPassword } from "../auth/password";
import type { SignUpInput } from "../validation/auth";

// Accounts: passwords are hashed here, so the database layer never sees one.

export async function registerUser(db: Executor, input: SignUpInput) {
  return createUser(db, { name: input.name, email: input.email, passwordHash: await hashPassword(input.password) });
}

export async function setPassword(db: Executor, userId: string, password: string): Promise<void> {
  await setPasswordHash(db, userId, await hashPassword(password));
}
