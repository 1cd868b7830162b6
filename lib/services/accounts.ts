import "server-only";
import type { Executor } from "../../db/client";
import { enqueueJobs } from "../../db/queries/jobs";
import { createUser, setPasswordHash } from "../../db/queries/users";
import { hashPassword } from "../auth/password";
import type { SignUpInput } from "../validation/auth";

// Accounts: passwords are hashed here, so the database layer never sees one.

export async function registerUser(db: Executor, input: SignUpInput) {
  return createUser(db, { name: input.name, email: input.email, passwordHash: await hashPassword(input.password) });
}

/** Email jobs that tell an account's owner their password changed. */
export const PASSWORD_CHANGED_JOB = "password-changed.email";

/** Sets an account's password, and has its owner told by email, in the same transaction when `db` is one. */
export async function setPassword(db: Executor, userId: string, password: string, now = new Date()): Promise<void> {
  await setPasswordHash(db, userId, await hashPassword(password));
  await enqueueJobs(db, [{ kind: PASSWORD_CHANGED_JOB, payload: { userId, changedAt: now.toISOString() } }]);
}
