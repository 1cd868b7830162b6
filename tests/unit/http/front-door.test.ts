import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/http/body-limit";
import { emitThroughFrontDoor, FRONT_DOOR_HEADER, type FrontDoorOptions } from "@/lib/http/front-door";

// A plain Node server with the door in front, standing in for Next's: what reaches its listener is
// what Next would see, and anything the door answers never reaches it.
const SECRET = "front-door-test-secret-0123456789abcdef0123456789";
const TOKEN = "test-token-0123456789abcdef";
const USER = "6f1c8a52-7d0e-4a53-9d55-0c1f3b1e2a10";
const SESSION = "0b5e3c1a-2f4d-4e6a-8b7c-9d0e1f2a3b4c";

type Seen = { url: string; headers: IncomingHttpHeaders };

async function serve(options: Partial<FrontDoorOptions> = {}) {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    seen.push({ url: request.url ?? "", headers: { ...request.headers } });
    response.end("from the app");
  });
  server.emit = emitThroughFrontDoor(server.emit, { secret: SECRET, dev: false, formTargets: [], ...options }, TOKEN);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = (path: string, headers: Record<string, string> = {}, init: RequestInit = {}) => fetch(base + path, { redirect: "manual", ...init, headers });
  return { server, seen, get };
}

const sessionCookie = async (name = "authjs.session-token") => `${name}=${await encode({ token: { sub: USER, sid: SESSION }, secret: SECRET, salt: name })}`;

let app: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  app = await serve();
});
afterAll(() => new Promise<void>((resolve) => (app.server as Server).close(() => resolve())));

describe("the front door", () => {
  test("a page is answered with the security headers and a fresh nonce, and the app sees that same policy", async () => {
    const first = await app.get("/frameworks", { "content-security-policy": "script-src *", [FRONT_DOOR_HEADER]: "forged" });
    const second = await app.get("/frameworks");
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.has("strict-transport-security")).toBe(false);
    // What a client sent under these names never reaches the app.
    const reached = app.seen.at(-2)!;
    expect(reached.headers["content-security-policy"]).toBe(policy);
    expect(reached.headers[FRONT_DOOR_HEADER]).toBe(TOKEN);
  });

  test("behind a proxy that says https, the policy upgrades requests and HSTS is sent", async () => {
    const response = await app.get("/frameworks", { "x-forwarded-proto": "https" });
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect(response.headers.get("strict-transport-security")).toContain("max-age=");
  });

  test.each(["/_next/static/chunks/app.js", "/api/teams/x/decisions/y/scores", "/favicon.ico"])("%s passes untouched", async (path) => {
    const response = await app.get(path);
    expect(await response.text()).toBe("from the app");
    expect(response.headers.has("content-security-policy")).toBe(false);
    expect(app.seen.at(-1)!.headers[FRONT_DOOR_HEADER]).toBeUndefined();
  });

  test.each([
    { name: "no cookie", cookie: "" },
    { name: "a forged cookie", cookie: "authjs.session-token=not-a-token" },
    { name: "cookie names that are object keys", cookie: "__proto__=1; constructor=2; authjs.session-token.__proto__=x" },
    { name: "a 12 KB cookie (Node refuses larger headers itself)", cookie: `authjs.session-token=${"a".repeat(12_000)}` },
  ])("a team page with $name is sent to sign in, back to the same address, and never reaches the app", async ({ cookie }) => {
    const before = app.seen.length;
    const response = await app.get("/teams/abc?tab=members", cookie ? { cookie } : {});
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(`/sign-in?callbackUrl=${encodeURIComponent("/teams/abc?tab=members")}`);
    expect(response.headers.get("content-security-policy")).toBeTruthy();
    expect(app.seen.length).toBe(before);
  });

  test("a team page with a session cookie this server signed reaches the app; over https the cookie's name is the __Secure- one", async () => {
    expect((await app.get("/teams", { cookie: await sessionCookie() })).status).toBe(200);
    const secure = await sessionCookie("__Secure-authjs.session-token");
    expect((await app.get("/teams", { cookie: secure, "x-forwarded-proto": "https" })).status).toBe(200);
    expect((await app.get("/teams", { cookie: secure })).status).toBe(307);
  });

  test("with AUTH_URL set, sign-in is sent to that origin", async () => {
    const behind = await serve({ publicUrl: "https://verdict.example/base" });
    const response = await behind.get("/teams");
    expect(response.headers.get("location")).toBe(`https://verdict.example/sign-in?callbackUrl=${encodeURIComponent("https://verdict.example/teams")}`);
    await new Promise<void>((resolve) => behind.server.close(() => resolve()));
  });

  test("a form over the action body limit is answered 413 and never reaches the app; a small one does", async () => {
    const before = app.seen.length;
    const big = await app.get(
      "/sign-in",
      { "content-type": "application/x-www-form-urlencoded" },
      { method: "POST", body: "x=".padEnd(ACTION_BODY_LIMIT_BYTES + 10, "y") },
    );
    expect(big.status).toBe(413);
    expect(await big.text()).toContain("That form was too large to send");
    expect(app.seen.length).toBe(before);
    const small = await app.get("/sign-in", { "content-type": "application/x-www-form-urlencoded" }, { method: "POST", body: "x=1" });
    expect(small.status).toBe(200);
  });

  test("a request line that is no path at all is answered, never a server error", async () => {
    const { request } = await import("node:http");
    const { port } = app.server.address() as AddressInfo;
    for (const [method, path] of [
      ["POST", "http://[oops"],
      ["GET", "//evil.example/teams"],
      ["GET", "*"],
    ] as const) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          { host: "127.0.0.1", port, method, path, headers: method === "POST" ? { "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) } : {} },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        );
        req.on("error", reject);
        req.end();
      });
      expect(status, `${method} ${path}`).toBeLessThan(500);
    }
  });
});
