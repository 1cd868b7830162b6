import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// A PostgreSQL cluster of a test's own, in a temporary directory on its own port, so the test
// may stop and start it at will. The shared server on 5432 is never touched.

const BIN = process.env.POSTGRES_BIN_DIR ?? "/usr/lib/postgresql/15/bin";
const isRoot = process.getuid?.() === 0;

/** Why this machine cannot run a private cluster, or undefined when it can. */
export function privatePostgresUnavailable(): string | undefined {
  for (const tool of ["initdb", "pg_ctl"]) {
    if (!existsSync(path.join(BIN, tool))) return `${path.join(BIN, tool)} is missing (set POSTGRES_BIN_DIR to PostgreSQL's bin directory)`;
  }
  if (isRoot && !osUserId("postgres")) return "running as root, and there is no postgres OS user to run initdb as";
  return undefined;
}

function osUserId(name: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

export class PrivatePostgres {
  private readonly dir: string;
  private readonly dataDir: string;

  private constructor(readonly port: number) {
    this.dir = mkdtempSync(path.join(os.tmpdir(), "verdict-pg-"));
    this.dataDir = path.join(this.dir, "data");
  }

  /** A superuser URL (trust authentication) for a database on this cluster. */
  url(database = "postgres", role = "postgres"): string {
    return `postgres://${role}@127.0.0.1:${this.port}/${database}`;
  }

  /** initdb refuses to run as root, so as root every command runs as the postgres OS user. */
  private run(tool: string, args: string[], timeoutMs = 60_000): void {
    const command = path.join(BIN, tool);
    const [file, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
    execFileSync(file, argv, { stdio: "pipe", timeout: timeoutMs });
  }

  static create(port: number): PrivatePostgres {
    const cluster = new PrivatePostgres(port);
    try {
      if (isRoot) {
        const owner = osUserId("postgres")!;
        chownSync(cluster.dir, owner.uid, owner.gid);
      }
      cluster.run("initdb", ["-D", cluster.dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
      cluster.start();
      return cluster;
    } catch (error) {
      cluster.destroy();
      throw error;
    }
  }

  start(): void {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    this.run("pg_ctl", ["-D", this.dataDir, "-l", path.join(this.dir, "server.log"), "-o", options, "-w", "-t", "30", "start"]);
  }

  /** Fast shutdown: open connections are ended at once, as in a real restart. */
  stop(): void {
    this.run("pg_ctl", ["-D", this.dataDir, "-m", "fast", "-w", "-t", "30", "stop"]);
  }

  /** Stops the server if it runs and removes every file; safe to call twice. */
  destroy(): void {
    if (existsSync(path.join(this.dataDir, "postmaster.pid"))) {
      try {
        this.run("pg_ctl", ["-D", this.dataDir, "-m", "immediate", "-w", "-t", "30", "stop"]);
      } catch {
        // Already stopped; the files go regardless.
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
