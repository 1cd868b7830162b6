import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), "must be a postgres:// or postgresql:// connection URL");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: postgresUrl.optional(),
    // The role that owns the schema: migrations and the catalog load run as it. Defaults to DATABASE_URL.
    MIGRATION_DATABASE_URL: postgresUrl.optional(),
    // `npm run db:migrate` creates this role (if missing) and grants it what the app needs, no more.
    APP_DATABASE_ROLE: z
      .string()
      .trim()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a lower-case PostgreSQL role name (letters, digits, underscores)")
      .optional(),
    APP_DATABASE_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
    PGLITE_DIR: z.string().trim().min(1, "must not be empty").default(".data/pglite"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
    AUTH_GITHUB_ID: z.string().trim().min(1, "must not be empty").optional(),
    AUTH_GITHUB_SECRET: z.string().trim().min(1, "must not be empty").optional(),
    // The address the app is reached at (Auth.js reads it too): links in emails start with its origin.
    AUTH_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
    // Where notification emails go out, e.g. smtps://user:password@smtp.example.com:465. Unset in
    // development, mail is kept and shown at /dev/mailbox instead.
    SMTP_URL: z
      .string()
      .trim()
      .refine((v) => /^smtps?:\/\/.+/.test(v), "must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z.string().trim().min(3, "must be an address such as Verdict <verdict@example.com>").default("Verdict <verdict@localhost>"),
    // "false" when the worker runs on its own (`npm run worker`) instead of inside each server.
    WORKER_IN_SERVER: z
      .enum(["true", "false"], { error: 'must be "true" or "false"' })
      .default("true")
      .transform((v) => v === "true"),
    // Lets webhooks post to private, loopback and other internal addresses: for tests and closed networks only.
    ALLOW_PRIVATE_WEBHOOKS: z
      .enum(["true", "false"], { error: 'must be "true" or "false"' })
      .default("false")
      .transform((v) => v === "true"),
    // The wait before a failed webhook request's first retry; each next one doubles (tests shorten it).
    WEBHOOK_RETRY_BASE_MS: z
      .string()
      .regex(/^\d{1,9}$/, "must be a whole number of milliseconds")
      .default("30000")
      .transform(Number)
      .refine((ms) => ms >= 100, "must be at least 100 milliseconds"),
    // Only behind a proxy that appends the client's address to X-Forwarded-For; otherwise clients could pick their own.
    TRUST_PROXY: z
      .enum(["true", "false"], { error: 'must be "true" (behind a proxy that sets X-Forwarded-For) or "false"' })
      .default("false")
      .transform((v) => v === "true"),
  })
  .superRefine((env, ctx) => {
    if (env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["MIGRATION_DATABASE_URL"], message: "needs DATABASE_URL too (PGlite has no roles)" });
    }
    if (env.APP_DATABASE_PASSWORD && !env.APP_DATABASE_ROLE) {
      ctx.addIssue({ code: "custom", path: ["APP_DATABASE_PASSWORD"], message: "is only used together with APP_DATABASE_ROLE" });
    }
    if (Boolean(env.AUTH_GITHUB_ID) !== Boolean(env.AUTH_GITHUB_SECRET)) {
      const missing = env.AUTH_GITHUB_ID ? "AUTH_GITHUB_SECRET" : "AUTH_GITHUB_ID";
      ctx.addIssue({ code: "custom", path: [missing], message: "must be set together with the other GitHub variable" });
    }
  });

export type Env = z.infer<typeof envSchema> & { AUTH_SECRET: string };

export class EnvError extends Error {
  override name = "EnvError";
}

const DEV_SECRET_FILE = ".data/auth-secret";

/** In development a secret is made once and kept, so sessions survive restarts without setup. */
function developmentSecret(): string {
  const file = path.resolve(process.cwd(), DEV_SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

// Empty strings in .env files mean "unset", not "set to nothing".
function withoutEmpty(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ""));
}

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(withoutEmpty(source));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "env"}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (env.AUTH_SECRET) return { ...env, AUTH_SECRET: env.AUTH_SECRET };
  if (env.NODE_ENV === "production") {
    throw new EnvError("Invalid environment configuration:\n  - AUTH_SECRET: is required in production (try: openssl rand -base64 32)");
  }
  return { ...env, AUTH_SECRET: developmentSecret() };
}

let cached: Env | undefined;

/** Validated lazily so `next build` never needs runtime secrets. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
