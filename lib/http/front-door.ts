import { type IncomingMessage, Server, type ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { parse as parseCookieHeader } from "cookie";
import { needsSignIn } from "../auth/config";
import { readSessionCookie } from "../auth/session-cookie";
import { refuseOversizedAction } from "./body-limit";
import { newNonce, securityHeaders, servedOverHttps } from "./security-headers";

/**
 * What stands in front of every page and route before Next sees the request: an action body over
 * the limit answered with a clear 413, the security headers and a fresh CSP nonce (Next reads the
 * nonce back from the request's policy for its own scripts), and a visitor without a valid session
 * cookie sent to sign in from the pages that need an account. Pages and actions still check access
 * themselves, against the sessions table.
 *
 * It runs in the server's own request event rather than as a Next proxy (proxy.ts): the proxy's
 * frame, a web Request and Response built around every request with its stores and spans, cost
 * about 13% of the score sheet page's server CPU under load, for work that takes microseconds here.
 */
export type FrontDoorOptions = {
  secret: string;
  dev: boolean;
  /** Origins a form may post to besides this one (the OAuth provider, when configured). */
  formTargets: readonly string[];
  /** AUTH_URL: the public address sign-in redirects use, when set. */
  publicUrl?: string;
};

// The build's hashed files, and the routes under /api/teams, which set NON_PAGE_HEADERS themselves
// and bound their bodies: a team saving at once should not pay for a nonce it cannot use.
const PASSED_THROUGH = ["/_next/static", "/_next/image", "/favicon.ico", "/api/teams/"];

/**
 * A value only this process knows, set on every request the front door let through. Without it
 * the root layout renders only a page that reloads itself: a request that arrived while the server
 * was still starting (before instrumentation installed the door) carries no policy.
 */
export const FRONT_DOOR_HEADER = "x-verdict-front-door";
const INSTALLED = Symbol.for("verdict.frontDoor");
type Holder = { [INSTALLED]?: string };

export function frontDoorToken(): string | undefined {
  return (globalThis as Holder)[INSTALLED];
}

const header = (request: IncomingMessage, name: string): string | null => {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
};

/** The protocol as Next will see it: the forwarded one when a proxy says so, else the socket's. */
const forwardedProto = (request: IncomingMessage) => header(request, "x-forwarded-proto") ?? ((request.socket as TLSSocket).encrypted ? "https" : "http");

type Verdict = "let through" | "answered";

async function answerWith(response: ServerResponse, answer: Response): Promise<Verdict> {
  const body = await answer.text();
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(body);
  return "answered";
}

const BASE = "http://verdict.invalid/";

function oversizedAction(request: IncomingMessage, pathAndQuery: string): Response | null {
  if (request.method !== "POST") return null;
  return refuseOversizedAction({
    method: "POST",
    // Any request line parses here: one that is no URL at all is sent back to the home page.
    url: URL.canParse(pathAndQuery, BASE) ? new URL(pathAndQuery, BASE).href : BASE,
    headers: { get: (name: string) => header(request, name.toLowerCase()), has: (name: string) => header(request, name.toLowerCase()) !== null },
  });
}

async function signedIn(request: IncomingMessage, secret: string): Promise<boolean> {
  const cookies = Object.entries(parseCookieHeader(header(request, "cookie") ?? "")).map(([name, value]) => ({ name, value: value ?? "" }));
  const headers = { get: (name: string) => (name.toLowerCase() === "x-forwarded-proto" ? forwardedProto(request) : header(request, name.toLowerCase())) };
  return (await readSessionCookie(headers, cookies, secret)) !== null;
}

function signInRedirect(response: ServerResponse, pathAndQuery: string, publicUrl: string | undefined): Verdict {
  // Only paths under a protected prefix get here, so pathAndQuery starts with "/". On the configured
  // public origin when AUTH_URL is set, as Auth.js's own redirect was; else on the host that was asked.
  const origin = publicUrl ? new URL(publicUrl).origin : "";
  response.writeHead(307, { location: `${origin}/sign-in?callbackUrl=${encodeURIComponent(origin + pathAndQuery)}`, "cache-control": "no-store" });
  response.end();
  return "answered";
}

/** One request at the door: answered here, or let through to Next with the headers set. */
export function admit(request: IncomingMessage, response: ServerResponse, options: FrontDoorOptions, token: string): Verdict | Promise<Verdict> {
  const pathAndQuery = request.url ?? "/";
  const pathname = pathAndQuery.split("?", 1)[0]!;
  if (PASSED_THROUGH.some((prefix) => pathname.startsWith(prefix))) return "let through";
  const tooLarge = oversizedAction(request, pathAndQuery);
  if (tooLarge) return answerWith(response, tooLarge);
  const https = servedOverHttps((request.socket as TLSSocket).encrypted ? "https:" : "http:", header(request, "x-forwarded-proto"));
  const headers = securityHeaders({ nonce: newNonce(), dev: options.dev, https, formTargets: options.formTargets });
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  // Whatever a client sent under these names is replaced: Next takes its script nonce from here.
  request.headers["content-security-policy"] = headers["Content-Security-Policy"];
  request.headers[FRONT_DOOR_HEADER] = token;
  if (!needsSignIn(pathname)) return "let through";
  return signedIn(request, options.secret).then((yes) => (yes ? "let through" : signInRedirect(response, pathAndQuery, options.publicUrl)));
}

/** A server's `emit` with the door in front of its "request" event. */
export function emitThroughFrontDoor(emit: Server["emit"], options: FrontDoorOptions, token: string): Server["emit"] {
  return function emitThroughDoor(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return Reflect.apply(emit, this, [event, ...args]) as boolean;
    const [request, response] = args as [IncomingMessage, ServerResponse];
    const pass = () => Reflect.apply(emit, this, [event, ...args]) as boolean;
    let verdict: Verdict | Promise<Verdict>;
    try {
      verdict = admit(request, response, options, token);
    } catch (error) {
      return refuse(response, error);
    }
    if (verdict === "let through") return pass();
    if (verdict === "answered") return true;
    verdict.then((v) => (v === "let through" ? pass() : true)).catch((error: unknown) => refuse(response, error));
    return true;
  } as Server["emit"];
}

/** Called once from instrumentation.ts, in the Node.js server process, before Next's listener. */
export function installFrontDoor(options: FrontDoorOptions): void {
  const holder = globalThis as Holder;
  if (holder[INSTALLED]) return;
  const token = newNonce();
  Server.prototype.emit = emitThroughFrontDoor(Server.prototype.emit, options, token);
  holder[INSTALLED] = token;
}

// Nothing the door does depends on what a visitor sends in a way that can throw; if it ever does,
// the request is refused rather than let through without its headers.
function refuse(response: ServerResponse, error: unknown): boolean {
  console.error("[verdict] front door failed", error);
  if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain", "cache-control": "no-store" });
  response.end("Something went wrong on our side. Please try again.");
  return true;
}
