import type { Role } from "../domain/roles";

// The demo team's people. The sign-in page shows them (in development only, see lib/auth/demo-hint.ts).

export const DEMO_PASSWORD = "verdict-demo";
export const DEMO_TEAM_NAME = "Acme Platform";
export const DEMO_USERS: readonly { name: string; email: string; role: Role }[] = [
  { name: "Alice Moreau", email: "alice@example.com", role: "owner" },
  { name: "Bilal Haddad", email: "bilal@example.com", role: "admin" },
  { name: "Chen Wei", email: "chen@example.com", role: "member" },
];
