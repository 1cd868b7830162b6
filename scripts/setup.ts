import { fail, runCli } from "../db/cli/run";
import { prepareDatabase } from "../db/prepare";
import { seedDemo } from "../lib/demo/seed";

// Runs before the dev server starts: PGlite allows one process per directory, so this must finish first.
await runCli("setup", async (handle) => {
  const prepared = await prepareDatabase(handle);
  const { created } = await seedDemo(handle.db);
  return `${prepared}; ${created ? "demo team created" : "demo team already present"}`;
}).catch(fail);
