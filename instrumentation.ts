// Runs once when a server starts: fail fast on bad configuration, and migrate before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  const { TRUST_PROXY } = env();
  if (!TRUST_PROXY) {
    const { installSocketAddressStamp } = await import("./lib/auth/client-address");
    installSocketAddressStamp();
  }
  const { dbHandle } = await import("./db");
  const handle = await dbHandle();
  const { describeTarget } = await import("./db/target");
  console.log(`[verdict] database ready: ${describeTarget(handle.target)}`);
}
