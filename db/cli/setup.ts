import { runMigrations } from "../migrate";
import { seedCatalog, seedDemo } from "../seed";
import { fail, runCli } from "./run";

// Runs before the dev server starts: PGlite allows one process per directory, so this must finish first.
await runCli("setup", async (handle) => {
  await runMigrations(handle);
  await seedCatalog(handle.db);
  const { created } = await seedDemo(handle.db);
  return created ? "migrated, catalog and demo team created" : "migrated, demo team already present";
}).catch(fail);
