import "server-only";
import type { Db } from "../../db/client";
import { claimSignInAttempt, pruneSignInLimits, releaseSignInAttempt } from "../../db/queries/sign-in-limits";
import { findUserByEmail } from "../../db/queries/users";
import { type LimitScope, limitKeys, lockedByClaim } from "../domain/sign-in-throttle";
import { signInSchema } from "../validation/auth";
import { verifyPassword } from "./password";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type CredentialsOutcome =
  { kind: "signed-in"; user: { id: string; name: string; email: string } } | { kind: "wrong" } | { kind: "locked"; scope: LimitScope; retryAt: Date };

export type AuthorizeOptions = {
  /** Where the attempt comes from, as far as the server can trust it (see ./client-address.ts). */
  clientAddress: string;
  /** The password check; tests wrap the real one to count how many checks ran. */
  verify?: typeof verifyPassword;
};

/**
 * The attempt is claimed against every limit before the password is checked, so parallel
 * attempts cannot all slip through on one clean count. Every allowed path does the same work (one
 * claim, one argon2 verify) so the time taken does not tell whether the email has an account.
 */
export async function authorizeCredentials(db: Db, raw: unknown, { clientAddress, verify = verifyPassword }: AuthorizeOptions): Promise<CredentialsOutcome> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { kind: "wrong" };
  const { email, password } = parsed.data;
  const keys = limitKeys(email, clientAddress);
  const decision = await claimSignInAttempt(db, keys);
  if (decision.kind === "refused") return { kind: "locked", scope: decision.scope, retryAt: decision.retryAt };
  if (decision.delayMs > 0) await sleep(decision.delayMs);
  const user = await findUserByEmail(db, email);
  const valid = await verify(user?.passwordHash, password);
  if (!user || !valid) {
    const lock = lockedByClaim(decision.claimed);
    return lock ? { kind: "locked", ...lock } : { kind: "wrong" };
  }
  await releaseSignInAttempt(db, keys);
  await pruneSignInLimits(db);
  return { kind: "signed-in", user: { id: user.id, name: user.name, email: user.email } };
}
