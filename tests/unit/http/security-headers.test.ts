import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders, servedOverHttps } from "@/lib/http/security-headers";

const NONCE = "AAAAAAAAAAAAAAAAAAAAAA==";
const production = { nonce: NONCE, dev: false, https: false };

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe("content security policy", () => {
  test("scripts run only with this response's nonce; no inline or eval in production", () => {
    const script = directives(contentSecurityPolicy(production)).get("script-src")!;
    expect(script).toContain(`'nonce-${NONCE}'`);
    expect(script).toContain("'strict-dynamic'");
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
  });

  test("development adds eval for the dev server, and nothing else loosens scripts", () => {
    const script = directives(contentSecurityPolicy({ ...production, dev: true })).get("script-src")!;
    expect(script).toContain("'unsafe-eval'");
    expect(script).not.toContain("'unsafe-inline'");
  });

  test("no framing, plugins or base rewriting; forms go home or to the listed origins", () => {
    const policy = directives(contentSecurityPolicy({ ...production, formTargets: ["https://github.com"] }));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'", "https://github.com"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  test("style attributes are allowed (React and the charts set them); style elements need the nonce", () => {
    const policy = directives(contentSecurityPolicy(production));
    expect(policy.get("style-src")).toEqual(["'self'", `'nonce-${NONCE}'`]);
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  test("upgrade-insecure-requests only under https", () => {
    expect(directives(contentSecurityPolicy(production)).has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy({ ...production, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  test.each(["", "short", "abc' 'unsafe-inline", "AAAAAAAAAAAAAAAAAAAA; script-src *", "AAAAAAAAAAAAAAAA AAAA"])(
    "refuses a nonce that is not plain base64: %j",
    (nonce) => {
      expect(() => contentSecurityPolicy({ ...production, nonce })).toThrow(/nonce/);
    },
  );

  test("nonces are fresh, 128 bits, and accepted by the policy", () => {
    const nonces = new Set(Array.from({ length: 200 }, newNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) {
      expect(atob(nonce)).toHaveLength(16);
      expect(() => contentSecurityPolicy({ ...production, nonce })).not.toThrow();
    }
  });
});

describe("security headers", () => {
  test("over http: every header but HSTS", () => {
    const headers = securityHeaders(production);
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(headers["Permissions-Policy"]).toMatch(/camera=\(\)/);
    expect(headers["Content-Security-Policy"]).toBe(contentSecurityPolicy(production));
    expect(headers).not.toHaveProperty("Strict-Transport-Security");
  });

  test("over https: HSTS for two years", () => {
    expect(securityHeaders({ ...production, https: true })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
  });

  test.each([
    ["https://verdict.example/teams", null, true],
    ["http://127.0.0.1:3000/teams", null, false],
    ["http://127.0.0.1:3000/teams", "https", true],
    ["http://127.0.0.1:3000/teams", "HTTPS, http", true],
    ["http://127.0.0.1:3000/teams", "http, https", false],
    ["http://127.0.0.1:3000/teams", "", false],
  ] as const)("served over https: %s with X-Forwarded-Proto %j → %s", (url, proto, expected) => {
    expect(servedOverHttps(new URL(url).protocol, proto)).toBe(expected);
  });
});
