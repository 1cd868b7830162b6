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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: ["team.view", "team.invite", "team.changeRole", "team.removeMember", "decision.create", "decision.vote", "decision.facilitate"],
  admin: ["team.view", "team.invite", "team.changeRole", "team.removeMember", "decision.create", "decision.vote", "decision.facilitate"],
  member: ["team.view", "decision.create", "decision.vote"],
  viewer: ["team.view"],
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  owner: "Full control, including other owners",
  admin: "Invites people and manages members, except owners",
  member: "Creates decisions and votes",
  viewer: "Watches decisions without voting",
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
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
