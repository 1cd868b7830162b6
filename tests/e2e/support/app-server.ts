import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// A `next start` of the existing production build on a port of its own, for a test that needs a
// server wired to a database it controls. Started in its own process group so it can be stopped whole,
// and keeping idle connections 65 s as `npm start` does: nginx's upstream keepalive reuses them.

const root = fileURLToPath(new URL("../../..", import.meta.url));

export class AppServer {
  private output = "";

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
  }

  static async start(port: number, env: Record<string, string>): Promise<AppServer> {
    if (!existsSync(path.join(root, ".next/BUILD_ID"))) throw new Error("No production build in .next: run `npx next build` first.");
    const child = spawn(
      path.join(root, "node_modules/.bin/next"),
      ["start", "--hostname", "127.0.0.1", "--port", String(port), "--keepAliveTimeout", "65000"],
      {
        cwd: root,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
      },
    );
    const server = new AppServer(child, `http://127.0.0.1:${port}`);
    try {
      await server.waitUntilServing();
      return server;
    } catch (error) {
      await server.stop();
      throw error;
    }
  }

  /** The server's recent output, for a failure message. */
  log(): string {
    return this.output;
  }

  private async waitUntilServing(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`next start exited with ${this.child.exitCode}:\n${this.output}`);
      try {
        const response = await fetch(`${this.url}/sign-in`, { signal: AbortSignal.timeout(5_000) });
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`next start did not answer within ${timeoutMs} ms:\n${this.output}`);
  }

  async stop(): Promise<void> {
    const pid = this.child.pid;
    if (!pid || this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      return; // already gone
    }
    const timedOut = await Promise.race([exited.then(() => false), new Promise((r) => setTimeout(() => r(true), 5_000))]);
    if (timedOut) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // gone in between
      }
    }
  }
}
