// Where the integration suite's databases come from, shared by global setup and the tests.
export const DEFAULT_TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/verdict_integration";

export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
}

/** The URL with any password masked, safe to print in an error. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url;
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated PostgreSQL database every test file shares. */
    databaseUrl: string;
    /** A dump of a freshly initialised, empty PGlite cluster (not migrated). */
    pgliteTemplatePath: string;
  }
}
