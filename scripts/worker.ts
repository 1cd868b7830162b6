import { openDb } from "../db/client";
import { configuredTarget, describeTarget } from "../db/target";
import { startWorker } from "../lib/worker";

// `npm run worker`: the worker on its own, for deployments that run servers with
// WORKER_IN_SERVER=false. Any number may run beside the servers; they share the work through the
// database. PGlite allows one process per directory, so there the worker runs inside the server.
const target = configuredTarget();
if (target.driver === "pglite") {
  console.error("npm run worker needs DATABASE_URL (PostgreSQL): on PGlite the worker runs inside the server.");
  process.exit(1);
}
const handle = await openDb(target);
const worker = startWorker(async () => handle);
console.log(`[verdict] worker running on ${describeTarget(target)}`);

async function shutdown() {
  await worker.stop();
  await handle.close();
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown());
process.once("SIGINT", () => void shutdown());
