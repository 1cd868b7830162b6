import { type DbHandle, openDb } from "../client";
import { describeTarget, migrationTarget } from "../target";

/**
 * Runs a database chore from the command line with a clear failure message. Chores change the
 * schema or load data, so they connect as the owning role (MIGRATION_DATABASE_URL, else DATABASE_URL).
 */
export async function runCli(label: string, chore: (handle: DbHandle) => Promise<string>): Promise<void> {
  const target = migrationTarget();
  const handle = await openDb(target);
  try {
    const outcome = await chore(handle);
    console.log(`${label} (${describeTarget(target)}): ${outcome}`);
  } finally {
    await handle.close();
  }
}

export function fail(error: unknown): never {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
