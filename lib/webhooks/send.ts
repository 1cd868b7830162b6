import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { ResolvedTarget } from "./target";

// One POST to a checked address. Nothing here waits long: connecting, sending and the answer
// together get `timeoutMs`, the answer's body is read only up to a few kilobytes, and a redirect
// is an answer like any other (never followed: it could lead to an address nobody checked).

export type SendResult = { statusCode: number | null; error: string | null; durationMs: number };

const MAX_RESPONSE_BYTES = 4096;

export function postToTarget(target: ResolvedTarget, body: string, headers: Record<string, string>, timeoutMs: number): Promise<SendResult> {
  const started = Date.now();
  const { url } = target;
  const name = url.hostname.replace(/^\[|\]$/g, "");
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ statusCode, error, durationMs: Date.now() - started });
    };
    const req = request(
      {
        // The checked address itself: the name is not resolved again.
        host: target.address,
        family: target.family,
        port: url.port || (url.protocol === "https:" ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: "POST",
        // The certificate is checked against the name, and the name goes in the Host header.
        servername: name === target.address ? undefined : name,
        headers: { ...headers, Host: url.host, "Content-Length": String(Buffer.byteLength(body)) },
        agent: false,
      },
      (res) => {
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) res.destroy();
        });
        res.on("close", () => finish(res.statusCode ?? null, null));
        res.on("error", () => finish(res.statusCode ?? null, null));
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) => finish(null, describeError(error)));
    req.end(body);
  });
}

function describeError(error: NodeJS.ErrnoException): string {
  if (error.code === "ECONNREFUSED") return "connection refused";
  if (error.code === "ECONNRESET") return "connection reset";
  if (error.code === "EHOSTUNREACH" || error.code === "ENETUNREACH") return "host unreachable";
  return (error.message || String(error)).slice(0, 300);
}
