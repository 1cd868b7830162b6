// What each role may do, as plain data; access is changed here. The role names live in lib/domain
// (so the database schema can build its enum without lib/auth); their order, owner first, is also
// the team_role enum's order and the order members are listed in.
import { ROLES, type Role } from "../domain/roles";

export { ROLES, type Role };

export const PERMISSIONS = [
  "team.view",
  "team.invite",
  "team.changeRole",
  "team.removeMember",
  "decision.create",
  "decision.vote",
  /** Run any decision of the team, as its facilitator could: advance, withdraw, decide. */
  "decision.facilitate",
  /** Add, pause and remove the team's outgoing webhooks, and read their delivery log. */
  "team.webhooks",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: ["team.view", "team.invite", "team.changeRole", "team.removeMember", "decision.create", "decision.vote", "decision.facilitate", "team.webhooks"],
  admin: ["team.view", "team.invite", "team.changeRole", "team.removeMember", "decision.create", "decision.vote", "decision.facilitate", "team.webhooks"],
  member: ["team.view", "decision.create", "decision.vote"],
  viewer: ["team.view"],
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
};

/** What a role lets its holder do, said to them: "You are invited as a member: you can …". */
export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  owner: "you can do everything, other owners' roles included",
  admin: "you can invite people, manage members other than owners, run any decision and vote",
  member: "you can create decisions and vote",
  viewer: "you can follow every decision and read its results once revealed, without voting",
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * What may be done with one decision. Each needs a permission from the table above; running a
 * decision is also open to its own facilitator, for as long as their role could create one (a
 * facilitator later made a viewer stops facilitating).
 */
export const DECISION_ACCESS = {
  "decision.view": { needs: "team.view" },
  "decision.vote": { needs: "decision.vote" },
  "decision.run": { needs: "decision.facilitate", orAsFacilitator: "decision.create" },
} as const satisfies Record<string, { needs: Permission; orAsFacilitator?: Permission }>;
export type DecisionPermission = keyof typeof DECISION_ACCESS;

export function canOnDecision(role: Role, isFacilitator: boolean, permission: DecisionPermission): boolean {
  const rule: { needs: Permission; orAsFacilitator?: Permission } = DECISION_ACCESS[permission];
  return can(role, rule.needs) || (isFacilitator && rule.orAsFacilitator !== undefined && can(role, rule.orAsFacilitator));
}

/** The roles whose members vote, and so are counted in a decision's progress. */
export const VOTING_ROLES: readonly Role[] = ROLES.filter((role) => can(role, "decision.vote"));

/** What a refused person reads, by what they tried. */
export function refusalMessage(permission: Permission | DecisionPermission): string {
  if (permission === "decision.run") return "Only the facilitator of this decision, or a team owner or admin, can do that.";
  return "Your role in this team does not allow that.";
}

/**
 * Whether `actor` may give `target` a role or remove them. Only owners touch owners, so an admin
 * cannot demote or remove the people who can remove them, nor make new owners.
 */
export function canManageMember(actor: Role, targetCurrent: Role, targetNext?: Role): boolean {
  if (!can(actor, "team.changeRole")) return false;
  if (actor === "owner") return true;
  return targetCurrent !== "owner" && targetNext !== "owner";
}

/** Roles an actor may hand out in an invite. */
export function invitableRoles(actor: Role): Role[] {
  if (!can(actor, "team.invite")) return [];
  return actor === "owner" ? [...ROLES] : ROLES.filter((r) => r !== "owner");
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
