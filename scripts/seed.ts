import { fail, runCli } from "../db/cli/run";
import { seedCatalog } from "../db/seed";
import { seedDemo } from "../lib/demo/seed";

await runCli("seed", async (handle) => {
  await seedCatalog(handle.db);
  const { created } = await seedDemo(handle.db);
  return created ? "catalog and demo team created" : "catalog refreshed, demo team already present";
}).catch(fail);
