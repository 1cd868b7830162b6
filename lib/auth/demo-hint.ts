import "server-only";
import type { Executor } from "../../db/client";
import { findUserByEmail } from "../../db/queries/users";
import { DEMO_PASSWORD, DEMO_USERS } from "../demo/accounts";
import type { Env } from "../env";
import { verifyPassword } from "./password";

export type DemoAccount = { email: string; password: string };
const SEEDED_DEMO: DemoAccount = { email: DEMO_USERS[0]!.email, password: DEMO_PASSWORD };

/**
 * Whether the sign-in page may print the demo password: only under `next dev` (which `npm run dev`
 * starts after seeding), and only while the seeded demo account still has that password. A
 * production server never prints it, whatever data its database holds.
 */
export async function demoHintVisible(db: Executor, nodeEnv: Env["NODE_ENV"], demo: DemoAccount = SEEDED_DEMO): Promise<boolean> {
  if (nodeEnv !== "development") return false;
  const account = await findUserByEmail(db, demo.email);
  if (!account?.passwordHash) return false;
  return verifyPassword(account.passwordHash, demo.password);
}
