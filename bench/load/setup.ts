/**
 * What the benches that drive Verdict's pages share: the database role its server runs as, the
 * session secret, and the pages with the text that says a response is the page and not an error.
 */
import type { Seeded } from "./seed";

export const APP_ROLE = "verdict_load_app";
export const SECRET = "load-benchmark-secret-0123456789abcdef0123456789";
export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/verdict_load";

/** The same database as another role (trust authentication, as on the machines these benches run on). */
export function asRole(url: string, role: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = "";
  return u.toString();
}

/** The environment of a Verdict production server on the seeded database, as its least-privilege role. */
export function appEnv(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: asRole(databaseUrl, APP_ROLE),
    MIGRATION_DATABASE_URL: databaseUrl,
    APP_DATABASE_ROLE: APP_ROLE,
    AUTH_SECRET: SECRET,
    AUTH_TRUST_HOST: "true",
  };
}

export const PAGE_SCENARIOS = ["scores-page", "weights-page", "decision-page", "results-page", "team-page"] as const;
export type PageScenario = (typeof PAGE_SCENARIOS)[number];

/** Each page scenario's path in the seeded database, and a text only that page carries. */
export function benchPages(seeded: Seeded): Record<PageScenario, { path: string; marker: string }> {
  const { teamId } = seeded;
  const decision = `/teams/${teamId}/decisions/${seeded.scoring.decisionId}`;
  return {
    "scores-page": { path: `${decision}/scores`, marker: "Save scores" },
    // In scoring, the weights page shows the member's own weights, read-only.
    "weights-page": { path: `${decision}/weights`, marker: "How much does each criterion matter?" },
    "decision-page": { path: decision, marker: "Framework for the team-wide platform rewrite" },
    "results-page": { path: `/teams/${teamId}/decisions/${seeded.revealed.decisionId}/results`, marker: "Weighted ranking" },
    "team-page": { path: `/teams/${teamId}`, marker: "Bench team" },
  };
}
