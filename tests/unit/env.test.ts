import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type Env, EnvError, parseEnv } from "@/lib/env";

/** What an empty environment comes out as, the secret aside. */
const DEFAULTS = {
  NODE_ENV: "development",
  PGLITE_DIR: ".data/pglite",
  TRUST_PROXY: false,
  MAIL_FROM: "Verdict <verdict@localhost>",
  WORKER_IN_SERVER: true,
  ALLOW_PRIVATE_WEBHOOKS: false,
  WEBHOOK_RETRY_BASE_MS: 30_000,
};

const SECRET = "0123456789abcdef0123456789abcdef"; // exactly 32 characters
const PG_URL = "postgres://verdict:verdict@localhost:5432/verdict";

// The development secret is written relative to the working directory: keep it out of the repo.
const originalCwd = process.cwd();
let dir: string;
const secretFile = () => path.join(dir, ".data/auth-secret");

// Next types NODE_ENV as required and narrow; the point here is to feed parseEnv what a raw .env holds.
type Source = Record<string, string | undefined>;
const parse = (source: Source): Env => parseEnv(source as NodeJS.ProcessEnv);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "verdict-env-"));
  process.chdir(dir);
});

afterEach(() => {
  process.chdir(originalCwd);
  rmSync(dir, { recursive: true, force: true });
});

function envErrorOf(source: Source): EnvError {
  try {
    parse(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return error as EnvError;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv in development", () => {
  test("an empty environment gets defaults and a generated secret", () => {
    const env = parse({});
    expect(env).toEqual({ ...DEFAULTS, AUTH_SECRET: expect.any(String) });
    expect(env.AUTH_SECRET).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  test("the generated secret is saved under .data/ in the working directory, readable only by the owner", () => {
    const { AUTH_SECRET } = parse({});
    expect(readFileSync(secretFile(), "utf8")).toBe(`${AUTH_SECRET}\n`);
    expect(statSync(secretFile()).mode & 0o777).toBe(0o600);
  });

  test("a second call reuses the saved secret, so sessions survive restarts", () => {
    const first = parse({});
    const second = parse({ NODE_ENV: "test" });
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
  });

  test("an existing secret file is read and trimmed", () => {
    mkdirSync(path.join(dir, ".data"));
    writeFileSync(secretFile(), `  ${SECRET}\n\n`);
    expect(parse({}).AUTH_SECRET).toBe(SECRET);
  });

  test("an explicit AUTH_SECRET wins and nothing is written", () => {
    expect(parse({ AUTH_SECRET: SECRET }).AUTH_SECRET).toBe(SECRET);
    expect(existsSync(secretFile())).toBe(false);
  });

  test("SMTP_URL must be smtp:// or smtps://, AUTH_URL http(s), WORKER_IN_SERVER true or false", () => {
    expect(parse({ SMTP_URL: "smtps://user:pw@mail.example.com:465" }).SMTP_URL).toBe("smtps://user:pw@mail.example.com:465");
    expect(() => parse({ SMTP_URL: "mail.example.com" })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => parse({ AUTH_URL: "ftp://verdict.example" })).toThrow(/AUTH_URL/);
    expect(parse({ WORKER_IN_SERVER: "false" }).WORKER_IN_SERVER).toBe(false);
    expect(() => parse({ WORKER_IN_SERVER: "no" })).toThrow(/WORKER_IN_SERVER/);
  });

  test("empty strings count as unset", () => {
    const env = parse({
      NODE_ENV: "",
      DATABASE_URL: "",
      PGLITE_DIR: "",
      AUTH_SECRET: "",
      AUTH_GITHUB_ID: "",
      AUTH_GITHUB_SECRET: "",
      TRUST_PROXY: "",
      SMTP_URL: "",
      AUTH_URL: "",
    });
    expect(env).toEqual({ ...DEFAULTS, AUTH_SECRET: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
  });

  test("variables it does not know are left out", () => {
    expect(parse({ AUTH_SECRET: SECRET, PATH: "/usr/bin", HOME: "/root" })).not.toHaveProperty("PATH");
  });
});

describe("parseEnv accepts", () => {
  test.each<{ name: string; source: Source; expected: Record<string, unknown> }>([
    {
      name: "a full production setup",
      source: { NODE_ENV: "production", DATABASE_URL: PG_URL, AUTH_SECRET: SECRET, AUTH_GITHUB_ID: "gh-id", AUTH_GITHUB_SECRET: "gh-secret" },
      expected: {
        NODE_ENV: "production",
        DATABASE_URL: PG_URL,
        PGLITE_DIR: ".data/pglite",
        AUTH_SECRET: SECRET,
        AUTH_GITHUB_ID: "gh-id",
        AUTH_GITHUB_SECRET: "gh-secret",
      },
    },
    {
      name: "a postgresql:// URL, trimmed",
      source: { DATABASE_URL: "  postgresql://db.internal/verdict ", AUTH_SECRET: SECRET },
      expected: { DATABASE_URL: "postgresql://db.internal/verdict" },
    },
    { name: "a custom PGlite directory", source: { PGLITE_DIR: " /var/verdict ", AUTH_SECRET: SECRET }, expected: { PGLITE_DIR: "/var/verdict" } },
    { name: "the test environment", source: { NODE_ENV: "test", AUTH_SECRET: SECRET }, expected: { NODE_ENV: "test" } },
    {
      name: "a separate owning role for migrations and an app role for db:migrate to create",
      source: {
        DATABASE_URL: "postgres://verdict_app@db/verdict",
        MIGRATION_DATABASE_URL: PG_URL,
        APP_DATABASE_ROLE: "verdict_app",
        APP_DATABASE_PASSWORD: "long enough secret",
        AUTH_SECRET: SECRET,
      },
      expected: { MIGRATION_DATABASE_URL: PG_URL, APP_DATABASE_ROLE: "verdict_app", APP_DATABASE_PASSWORD: "long enough secret" },
    },
    { name: "a secret longer than 32 characters", source: { AUTH_SECRET: SECRET + "x" }, expected: { AUTH_SECRET: SECRET + "x" } },
    { name: "TRUST_PROXY=true behind a proxy", source: { TRUST_PROXY: "true", AUTH_SECRET: SECRET }, expected: { TRUST_PROXY: true } },
    { name: "TRUST_PROXY=false", source: { TRUST_PROXY: "false", AUTH_SECRET: SECRET }, expected: { TRUST_PROXY: false } },
  ])("$name", ({ source, expected }) => {
    expect(parse(source)).toMatchObject(expected);
  });
});

describe("parseEnv rejects", () => {
  test.each<{ name: string; source: Source; line: string }>([
    {
      name: "production without AUTH_SECRET",
      source: { NODE_ENV: "production", DATABASE_URL: PG_URL },
      line: "AUTH_SECRET: is required in production (try: openssl rand -base64 32)",
    },
    {
      name: "production with an empty AUTH_SECRET",
      source: { NODE_ENV: "production", AUTH_SECRET: "" },
      line: "AUTH_SECRET: is required in production (try: openssl rand -base64 32)",
    },
    {
      name: "a short AUTH_SECRET",
      source: { AUTH_SECRET: SECRET.slice(1) },
      line: "AUTH_SECRET: must be at least 32 characters (try: openssl rand -base64 32)",
    },
    {
      name: "a MySQL DATABASE_URL",
      source: { DATABASE_URL: "mysql://x", AUTH_SECRET: SECRET },
      line: "DATABASE_URL: must be a postgres:// or postgresql:// connection URL",
    },
    {
      name: "a DATABASE_URL with nothing after the scheme",
      source: { DATABASE_URL: "postgres://", AUTH_SECRET: SECRET },
      line: "DATABASE_URL: must be a postgres:// or postgresql:// connection URL",
    },
    {
      name: "a DATABASE_URL that is just a host",
      source: { DATABASE_URL: "localhost:5432", AUTH_SECRET: SECRET },
      line: "DATABASE_URL: must be a postgres:// or postgresql:// connection URL",
    },
    {
      name: "AUTH_GITHUB_ID without its secret",
      source: { AUTH_GITHUB_ID: "gh-id", AUTH_SECRET: SECRET },
      line: "AUTH_GITHUB_SECRET: must be set together with the other GitHub variable",
    },
    {
      name: "AUTH_GITHUB_SECRET without its id",
      source: { AUTH_GITHUB_SECRET: "gh-secret", AUTH_SECRET: SECRET },
      line: "AUTH_GITHUB_ID: must be set together with the other GitHub variable",
    },
    {
      name: "AUTH_GITHUB_ID with an empty secret",
      source: { AUTH_GITHUB_ID: "gh-id", AUTH_GITHUB_SECRET: "", AUTH_SECRET: SECRET },
      line: "AUTH_GITHUB_SECRET: must be set together with the other GitHub variable",
    },
    ...["1", "yes", "TRUE", " true"].map((value) => ({
      name: `TRUST_PROXY=${JSON.stringify(value)}`,
      source: { TRUST_PROXY: value, AUTH_SECRET: SECRET },
      line: 'TRUST_PROXY: must be "true" (behind a proxy that sets X-Forwarded-For) or "false"',
    })),
    { name: "a blank PGLITE_DIR", source: { PGLITE_DIR: "   ", AUTH_SECRET: SECRET }, line: "PGLITE_DIR: must not be empty" },
    {
      name: "a MIGRATION_DATABASE_URL without DATABASE_URL",
      source: { MIGRATION_DATABASE_URL: PG_URL, AUTH_SECRET: SECRET },
      line: "MIGRATION_DATABASE_URL: needs DATABASE_URL too (PGlite has no roles)",
    },
    {
      name: "a MIGRATION_DATABASE_URL that is not a postgres URL",
      source: { DATABASE_URL: PG_URL, MIGRATION_DATABASE_URL: "mysql://x", AUTH_SECRET: SECRET },
      line: "MIGRATION_DATABASE_URL: must be a postgres:// or postgresql:// connection URL",
    },
    {
      name: "an APP_DATABASE_ROLE that would need quoting",
      source: { APP_DATABASE_ROLE: 'Verdict"; drop', AUTH_SECRET: SECRET },
      line: "APP_DATABASE_ROLE: must be a lower-case PostgreSQL role name (letters, digits, underscores)",
    },
    {
      name: "an APP_DATABASE_PASSWORD without a role",
      source: { APP_DATABASE_PASSWORD: "long enough secret", AUTH_SECRET: SECRET },
      line: "APP_DATABASE_PASSWORD: is only used together with APP_DATABASE_ROLE",
    },
  ])("$name", ({ source, line }) => {
    const error = envErrorOf(source);
    expect(error.name).toBe("EnvError");
    expect(error.message).toBe(`Invalid environment configuration:\n  - ${line}`);
    expect(existsSync(secretFile())).toBe(false);
  });

  test("an unknown NODE_ENV names NODE_ENV", () => {
    expect(envErrorOf({ NODE_ENV: "staging", AUTH_SECRET: SECRET }).message).toMatch(/^Invalid environment configuration:\n {2}- NODE_ENV: /);
  });

  test("lists every problem at once", () => {
    const error = envErrorOf({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short", AUTH_GITHUB_ID: "gh-id" });
    expect(error.message.split("\n")).toEqual([
      "Invalid environment configuration:",
      "  - DATABASE_URL: must be a postgres:// or postgresql:// connection URL",
      "  - AUTH_SECRET: must be at least 32 characters (try: openssl rand -base64 32)",
      "  - AUTH_GITHUB_SECRET: must be set together with the other GitHub variable",
    ]);
  });
});
