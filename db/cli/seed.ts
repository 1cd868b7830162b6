import { seedCatalog, seedDemo } from "../seed";
import { fail, runCli } from "./run";

await runCli("seed", async (handle) => {
  await seedCatalog(handle.db);
  const { created } = await seedDemo(handle.db);
  return created ? "catalog and demo team created" : "catalog refreshed, demo team already present";
}).catch(fail);
