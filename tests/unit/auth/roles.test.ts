import { describe, expect, test } from "vitest";
import {
  canManageMember,
  can,
  canOnDecision,
  invitableRoles,
  isRole,
  PERMISSIONS,
  type Permission,
  refusalMessage,
  type Role,
  ROLE_PERMISSIONS,
  ROLES,
  VOTING_ROLES,
} from "@/lib/auth/roles";

const ALL_ROLES = ["owner", "admin", "member", "viewer"] as const;

// Written out in full on purpose: granting or withdrawing a permission must change this table too.
const EXPECTED: Record<Role, Record<Permission, boolean>> = {
  owner: {
    "team.view": true,
    "team.invite": true,
    "team.changeRole": true,
    "team.removeMember": true,
    "decision.create": true,
    "decision.vote": true,
    "decision.facilitate": true,
    "team.webhooks": true,
  },
  admin: {
    "team.view": true,
    "team.invite": true,
    "team.changeRole": true,
    "team.removeMember": true,
    "decision.create": true,
    "decision.vote": true,
    "decision.facilitate": true,
    "team.webhooks": true,
  },
  member: {
    "team.view": true,
    "team.invite": false,
    "team.changeRole": false,
    "team.removeMember": false,
    "decision.create": true,
    "decision.vote": true,
    "decision.facilitate": false,
    "team.webhooks": false,
  },
  viewer: {
    "team.view": true,
    "team.invite": false,
    "team.changeRole": false,
    "team.removeMember": false,
    "decision.create": false,
    "decision.vote": false,
    "decision.facilitate": false,
    "team.webhooks": false,
  },
};

const permissionRows = Object.entries(EXPECTED).flatMap(([role, permissions]) =>
  Object.entries(permissions).map(([permission, allowed]) => ({ role: role as Role, permission: permission as Permission, allowed })),
);

describe("the permission table", () => {
  test("covers exactly the known roles and permissions", () => {
    expect(ROLES).toEqual(ALL_ROLES);
    expect(PERMISSIONS).toEqual([
      "team.view",
      "team.invite",
      "team.changeRole",
      "team.removeMember",
      "decision.create",
      "decision.vote",
      "decision.facilitate",
      "team.webhooks",
    ]);
    expect(permissionRows).toHaveLength(ROLES.length * PERMISSIONS.length);
  });

  test.each(permissionRows)("$role: $permission → $allowed", ({ role, permission, allowed }) => {
    expect(can(role, permission)).toBe(allowed);
  });

  test.each(ALL_ROLES)("%s lists each permission at most once", (role) => {
    expect(new Set(ROLE_PERMISSIONS[role]).size).toBe(ROLE_PERMISSIONS[role].length);
  });
});

describe("canManageMember", () => {
  const nextRoles = [undefined, ...ALL_ROLES];
  const allTargets = ALL_ROLES.flatMap((current) => nextRoles.map((next) => ({ current, next })));

  test.each(allTargets)("owner may act on a $current (next: $next)", ({ current, next }) => {
    expect(canManageMember("owner", current, next)).toBe(true);
  });

  test.each(allTargets)("member may not act on a $current (next: $next)", ({ current, next }) => {
    expect(canManageMember("member", current, next)).toBe(false);
  });

  test.each(allTargets)("viewer may not act on a $current (next: $next)", ({ current, next }) => {
    expect(canManageMember("viewer", current, next)).toBe(false);
  });

  // `next: undefined` is removal.
  test.each<{ current: Role; next: Role | undefined; allowed: boolean }>([
    { current: "owner", next: undefined, allowed: false },
    { current: "owner", next: "owner", allowed: false },
    { current: "owner", next: "admin", allowed: false },
    { current: "owner", next: "member", allowed: false },
    { current: "owner", next: "viewer", allowed: false },
    { current: "admin", next: undefined, allowed: true },
    { current: "admin", next: "owner", allowed: false },
    { current: "admin", next: "admin", allowed: true },
    { current: "admin", next: "member", allowed: true },
    { current: "admin", next: "viewer", allowed: true },
    { current: "member", next: undefined, allowed: true },
    { current: "member", next: "owner", allowed: false },
    { current: "member", next: "admin", allowed: true },
    { current: "member", next: "member", allowed: true },
    { current: "member", next: "viewer", allowed: true },
    { current: "viewer", next: undefined, allowed: true },
    { current: "viewer", next: "owner", allowed: false },
    { current: "viewer", next: "admin", allowed: true },
    { current: "viewer", next: "member", allowed: true },
    { current: "viewer", next: "viewer", allowed: true },
  ])("admin acting on a $current (next: $next) → $allowed", ({ current, next, allowed }) => {
    expect(canManageMember("admin", current, next)).toBe(allowed);
  });
});

describe("invitableRoles", () => {
  test.each<{ actor: Role; roles: Role[] }>([
    { actor: "owner", roles: ["owner", "admin", "member", "viewer"] },
    { actor: "admin", roles: ["admin", "member", "viewer"] },
    { actor: "member", roles: [] },
    { actor: "viewer", roles: [] },
  ])("$actor may invite as $roles", ({ actor, roles }) => {
    expect(invitableRoles(actor)).toEqual(roles);
  });

  test("returns a fresh array, so callers cannot corrupt ROLES", () => {
    invitableRoles("owner").pop();
    expect(ROLES).toEqual(ALL_ROLES);
  });
});

describe("isRole", () => {
  test.each([
    { value: "owner", expected: true },
    { value: "admin", expected: true },
    { value: "member", expected: true },
    { value: "viewer", expected: true },
    { value: "Owner", expected: false },
    { value: " owner", expected: false },
    { value: "", expected: false },
    { value: "superuser", expected: false },
    { value: "constructor", expected: false },
    { value: undefined, expected: false },
    { value: null, expected: false },
    { value: 1, expected: false },
    { value: ["owner"], expected: false },
    { value: { role: "owner" }, expected: false },
  ])("isRole($value) → $expected", ({ value, expected }) => {
    expect(isRole(value)).toBe(expected);
  });
});

describe("permissions on one decision", () => {
  // [role, facilitates it?, view, vote, run]
  const TABLE: [Role, boolean, boolean, boolean, boolean][] = [
    ["owner", false, true, true, true],
    ["admin", false, true, true, true],
    ["member", false, true, true, false],
    ["member", true, true, true, true],
    ["viewer", false, true, false, false],
    // A facilitator later made a viewer no longer runs the decision.
    ["viewer", true, true, false, false],
  ];
  test.each(TABLE)("%s (facilitator: %s) may view %s, vote %s, run %s", (role, isFacilitator, view, vote, run) => {
    expect([
      canOnDecision(role, isFacilitator, "decision.view"),
      canOnDecision(role, isFacilitator, "decision.vote"),
      canOnDecision(role, isFacilitator, "decision.run"),
    ]).toEqual([view, vote, run]);
  });

  test("voters are exactly the roles with decision.vote, in role order", () => {
    expect(VOTING_ROLES).toEqual(["owner", "admin", "member"]);
  });

  test("a refusal to run names who may; any other refusal names the role", () => {
    expect(refusalMessage("decision.run")).toMatch(/facilitator .* owner or admin/);
    expect(refusalMessage("team.invite")).toBe("Your role in this team does not allow that.");
  });
});
