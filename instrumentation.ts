// Runs once when a server starts: fail fast on bad configuration, and migrate before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  const { TRUST_PROXY } = env();
  if (!TRUST_PROXY) {
    const { installSocketAddressStamp } = await import("./lib/auth/client-address");
    installSocketAddressStamp();
  }
  const { installFrontDoor } = await import("./lib/http/front-door");
  const { githubEnabled } = await import("./lib/auth/config");
  installFrontDoor({
    secret: env().AUTH_SECRET,
    dev: process.env.NODE_ENV === "development",
    formTargets: githubEnabled() ? ["https://github.com"] : [],
    publicUrl: process.env.AUTH_URL ?? process.env.NEXTAUTH_URL,
  });
  const { dbHandle } = await import("./db");
  const { isDatabaseUnavailable } = await import("./lib/database-unavailable");
  const { configuredTarget, describeTarget } = await import("./db/target");
  try {
    const handle = await dbHandle();
    console.log(`[verdict] database ready: ${describeTarget(handle.target)}`);
  } catch (error) {
    // A database that is down is an outage, not a misconfiguration: serve "temporarily
    // unavailable" and connect (and migrate) on the first request after it is back.
    if (!isDatabaseUnavailable(error)) throw error;
    console.error(`[verdict] database unreachable at start-up (${describeTarget(configuredTarget())}); will retry on each request`);
  }
  if (env().WORKER_IN_SERVER) {
    // Notifications and their emails; it connects on its own first step if the database was down.
    const { startServerWorker } = await import("./lib/worker");
    const { workerDbHandle } = await import("./db");
    startServerWorker(workerDbHandle);
  }
}
