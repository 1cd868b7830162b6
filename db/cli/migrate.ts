import { runMigrations } from "../migrate";
import { seedCatalog } from "../seed";
import { fail, runCli } from "./run";

await runCli("migrate", async (handle) => {
  await runMigrations(handle);
  await seedCatalog(handle.db);
  return "schema up to date, catalog loaded";
}).catch(fail);
