import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";

// Debian's nginx in front of several app servers, run as this user: in the foreground, with its
// own config, pid file, temp paths and error log under a temp directory (nothing under /etc or /var).

export const NGINX_BIN = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

/** The load balancer's config: round robin, HTTP/1.1 to the upstreams, the live streams unbuffered. */
export function nginxConfig(dir: string, port: number, upstreams: readonly number[]): string {
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream verdict {
${upstreams.map((p) => `    server 127.0.0.1:${p};`).join("\n")}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    # Which instance answered: for the test only.
    add_header X-Upstream $upstream_addr always;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    location / {
      proxy_pass http://verdict;
    }
    # The live streams: every event as it comes, and a read timeout well above the 25 s heartbeat.
    location ~ ^/api/teams/[^/]+(/decisions/[^/]+)?/live$ {
      proxy_pass http://verdict;
      proxy_buffering off;
      proxy_cache off;
      proxy_read_timeout 1h;
    }
  }
}
`;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

export class Nginx {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly url: string,
  ) {}

  static available(): boolean {
    return existsSync(NGINX_BIN);
  }

  static async start(port: number, upstreams: readonly number[]): Promise<Nginx> {
    const dir = mkdtempSync(path.join(os.tmpdir(), "verdict-nginx-"));
    for (const sub of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, sub));
    const config = path.join(dir, "nginx.conf");
    writeFileSync(config, nginxConfig(dir, port, upstreams));
    const child = spawn(NGINX_BIN, ["-p", dir, "-c", config, "-e", path.join(dir, "error.log")], { detached: true, stdio: "ignore" });
    const nginx = new Nginx(child, dir, `http://127.0.0.1:${port}`);
    const until = Date.now() + 10_000;
    while (!(await answers(port))) {
      if (child.exitCode !== null || Date.now() > until) {
        const log = nginx.log();
        await nginx.stop();
        throw new Error(`nginx did not start:\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return nginx;
  }

  log(): string {
    const file = path.join(this.dir, "error.log");
    return existsSync(file) ? readFileSync(file, "utf8") : "";
  }

  async stop(): Promise<void> {
    const pid = this.child.pid;
    if (pid && this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once("exit", resolve));
      try {
        // QUIT: a graceful stop; the group holds the master and its worker.
        process.kill(-pid, "SIGQUIT");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
        if (this.child.exitCode === null) process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
