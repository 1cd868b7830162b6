import "server-only";
import type { Db } from "../../db/client";
import { clearFailures, readThrottle, recordFailure } from "../../db/queries/sign-in-throttle";
import { findUserByEmail } from "../../db/queries/users";
import { throttleVerdict } from "../domain/sign-in-throttle";
import { signInSchema } from "../validation/auth";
import { verifyPassword } from "./password";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type CredentialsOutcome =
  | { kind: "signed-in"; user: { id: string; name: string; email: string } }
  | { kind: "wrong" }
  | { kind: "locked" };

export type AuthorizeOptions = {
  clientAddress: string;
  /** The password check; tests wrap the real one to count how many checks ran. */
  verify?: typeof verifyPassword;
};

/**
 * Every path does the same work (one throttle read, one argon2 verify) so the time taken does not
 * tell whether the email has an account.
 */
export async function authorizeCredentials(db: Db, raw: unknown, { verify = verifyPassword }: AuthorizeOptions): Promise<CredentialsOutcome> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { kind: "wrong" };
  const { email, password } = parsed.data;
  const now = new Date();
  const verdict = throttleVerdict(await readThrottle(db, email), now);
  if (verdict.kind === "refused") return { kind: "locked" };
  if (verdict.delayMs > 0) await sleep(verdict.delayMs);
  const user = await findUserByEmail(db, email);
  const valid = await verify(user?.passwordHash, password);
  if (!user || !valid) {
    const record = await recordFailure(db, email, now);
    return record.lockedUntil ? { kind: "locked" } : { kind: "wrong" };
  }
  await clearFailures(db, email);
  return { kind: "signed-in", user: { id: user.id, name: user.name, email: user.email } };
}
